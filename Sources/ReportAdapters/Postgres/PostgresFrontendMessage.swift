/// The messages this client sends (protocol 3.0, "Message Formats"), each encoded whole: a
/// type byte (none for the start-up kind), a big-endian length that counts itself, the body.
enum PostgresFrontendMessage {
    /// The protocol version 3.0, as the start-up message carries it.
    static let protocolVersion: Int32 = 196_608
    static let sslRequestCode: Int32 = 80_877_103
    static let cancelRequestCode: Int32 = 80_877_102

    /// `StartupMessage`: the version, then `name\0value\0` pairs, then `\0`.
    static func startup(_ parameters: [(String, String)]) -> [UInt8] {
        var body = PostgresMessageBody()
        body.int32(protocolVersion)
        for (name, value) in parameters {
            body.cString(name)
            body.cString(value)
        }
        body.byte(0)
        return body.framed(type: nil)
    }

    /// `SSLRequest`: asks whether the server speaks TLS (it answers one byte, `S` or `N`).
    static func sslRequest() -> [UInt8] {
        var body = PostgresMessageBody()
        body.int32(sslRequestCode)
        return body.framed(type: nil)
    }

    /// `CancelRequest`: on a new connection, asks the server to cancel the query that the
    /// backend `processID` is running; `secretKey` proves it is ours.
    static func cancelRequest(processID: Int32, secretKey: Int32) -> [UInt8] {
        var body = PostgresMessageBody()
        body.int32(cancelRequestCode)
        body.int32(processID)
        body.int32(secretKey)
        return body.framed(type: nil)
    }

    /// `PasswordMessage`: a cleartext or MD5 password answer, NUL-terminated.
    static func password(_ bytes: [UInt8]) -> [UInt8] {
        var body = PostgresMessageBody()
        body.bytes(bytes)
        body.byte(0)
        return body.framed(type: UInt8(ascii: "p"))
    }

    /// `SASLInitialResponse`: the mechanism's name, then the client-first message.
    static func saslInitialResponse(mechanism: String, data: [UInt8]) -> [UInt8] {
        var body = PostgresMessageBody()
        body.cString(mechanism)
        body.int32(Int32(data.count))
        body.bytes(data)
        return body.framed(type: UInt8(ascii: "p"))
    }

    /// `SASLResponse`: the client-final message.
    static func saslResponse(_ data: [UInt8]) -> [UInt8] {
        var body = PostgresMessageBody()
        body.bytes(data)
        return body.framed(type: UInt8(ascii: "p"))
    }

    /// `Query`: one or more statements in the simple protocol.
    static func query(_ sql: String) -> [UInt8] {
        var body = PostgresMessageBody()
        body.cString(sql)
        return body.framed(type: UInt8(ascii: "Q"))
    }

    /// `Parse` of the unnamed statement, with no parameter types.
    static func parse(_ sql: String) -> [UInt8] {
        var body = PostgresMessageBody()
        body.cString("")
        body.cString(sql)
        body.int16(0)
        return body.framed(type: UInt8(ascii: "P"))
    }

    /// `Describe` of the unnamed statement: its parameters, then its rows (or `NoData`).
    static func describeStatement() -> [UInt8] {
        var body = PostgresMessageBody()
        body.byte(UInt8(ascii: "S"))
        body.cString("")
        return body.framed(type: UInt8(ascii: "D"))
    }

    /// `Bind` of the unnamed statement to the unnamed portal, with no parameters, text results.
    static func bind() -> [UInt8] {
        var body = PostgresMessageBody()
        body.cString("")
        body.cString("")
        body.int16(0)
        body.int16(0)
        body.int16(0)
        return body.framed(type: UInt8(ascii: "B"))
    }

    /// `Execute` of the unnamed portal, every row.
    static func execute() -> [UInt8] {
        var body = PostgresMessageBody()
        body.cString("")
        body.int32(0)
        return body.framed(type: UInt8(ascii: "E"))
    }

    static func sync() -> [UInt8] { PostgresMessageBody().framed(type: UInt8(ascii: "S")) }

    static func terminate() -> [UInt8] { PostgresMessageBody().framed(type: UInt8(ascii: "X")) }
}

/// A message body being written: big-endian integers, NUL-terminated strings.
struct PostgresMessageBody {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func int16(_ value: Int16) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    mutating func int32(_ value: Int32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> Int32(shift))) }
    }

    mutating func bytes(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    mutating func cString(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0)
    }

    /// The message: `type` (if any), the length (4 + the body), the body.
    func framed(type: UInt8?) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(bytes.count + 5)
        if let type { message.append(type) }
        let length = Int32(bytes.count + 4)
        for shift in stride(from: 24, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: length >> Int32(shift))) }
        message.append(contentsOf: bytes)
        return message
    }
}
