/// One session with a PostgreSQL server over protocol 3.0: TLS as the options' `sslmode`
/// says (a Unix socket never uses TLS, as with libpq), the start-up message, authentication
/// (SCRAM-SHA-256, MD5, cleartext or none), then the server's parameters and the key that
/// lets a later `CancelRequest` name this session. Not `Sendable`: one task at a time.
///
/// Every session starts with `application_name=reportcli`, `default_transaction_read_only=on`,
/// `client_encoding=UTF8`, `DateStyle=ISO` and `TimeZone=UTC` (so timestamps read the same
/// wherever reportcli runs).
final class PostgresConnection {
    let options: PostgresConnectionOptions
    let reader: PostgresMessageReader
    var stream: any PostgresByteStream { reader.stream }
    /// What the server reported in `ParameterStatus` (`server_version`, `TimeZone`…).
    private(set) var parameters: [String: String] = [:]
    /// The `BackendKeyData`: the backend's process ID and the secret a cancel needs.
    private(set) var backendKey: (processID: Int32, secretKey: Int32)?
    /// `NoticeResponse`s received so far.
    private(set) var notices: [PostgresServerError] = []
    /// Whether the bytes go through TLS.
    let usesTLS: Bool

    static let applicationName = "reportcli"

    private init(options: PostgresConnectionOptions, stream: any PostgresByteStream, usesTLS: Bool) {
        self.options = options
        reader = PostgresMessageReader(stream: stream)
        self.usesTLS = usesTLS
    }

    deinit { stream.close() }

    /// Connects and authenticates before `deadline` (the options' connect time-out).
    static func open(
        _ options: PostgresConnectionOptions, credentials: PostgresCredentials, deadline: ContinuousClock.Instant
    ) throws(PostgresError) -> PostgresConnection {
        let (stream, usesTLS) = try openStream(options, deadline: deadline)
        let connection = PostgresConnection(options: options, stream: stream, usesTLS: usesTLS)
        connection.reader.deadline = deadline
        do {
            try connection.send(PostgresFrontendMessage.startup([
                ("user", credentials.user), ("database", credentials.database), ("application_name", applicationName),
                ("client_encoding", "UTF8"), ("DateStyle", "ISO"), ("TimeZone", "UTC"), ("extra_float_digits", "1"),
                ("default_transaction_read_only", "on"),
            ]))
            try connection.authenticate(credentials)
        } catch let error as PostgresError {
            throw error
        } catch is PostgresDeadlinePassed {
            throw PostgresError(.connectFailed("\(options.endpoint): the server did not finish the start-up before the connect time-out"))
        } catch {
            throw PostgresError(.connectionLost("\(error)"))
        }
        connection.reader.deadline = nil
        return connection
    }

    /// The socket, with TLS over it when the mode and the server agree.
    static func openStream(
        _ options: PostgresConnectionOptions, deadline: ContinuousClock.Instant
    ) throws(PostgresError) -> (any PostgresByteStream, Bool) {
        let socket = try PostgresSocket.connect(to: options.endpoint, deadline: deadline)
        guard case .tcp(let host, _) = options.endpoint, options.sslMode != .disable else { return (socket, false) }
        var answer: UInt8 = 0
        do {
            try socket.write(PostgresFrontendMessage.sslRequest(), deadline: deadline)
            // Exactly one byte: nothing the server sends before the handshake may be read as
            // if it came through TLS.
            let count = try withUnsafeMutableBytes(of: &answer) { try socket.read(into: $0, deadline: deadline) }
            guard count == 1 else { throw PostgresError(.connectFailed("\(options.endpoint): the server closed the connection at the TLS request")) }
        } catch let error as PostgresError {
            throw error
        } catch {
            throw PostgresError(.connectFailed("\(options.endpoint): no answer to the TLS request (\(error))"))
        }
        switch answer {
        case UInt8(ascii: "S"):
            let tls = try PostgresTLSStream.handshake(
                on: socket, mode: options.sslMode, rootCertificates: options.sslRootCert, host: host, deadline: deadline)
            return (tls, true)
        case UInt8(ascii: "N"):
            guard !options.sslMode.requiresTLS else {
                throw PostgresError(.tls("the server does not accept TLS connections, and sslmode=\(options.sslMode.rawValue) requires TLS"))
            }
            return (socket, false)
        default:
            throw PostgresError(.protocolViolation("the server answered the TLS request with '\(PostgresMessageReader.printable(answer))'"))
        }
    }

    func send(_ bytes: [UInt8]) throws {
        do {
            try stream.write(bytes, deadline: reader.deadline)
        } catch let failure as PostgresSocketFailure {
            throw PostgresError(.connectionLost(failure.description))
        }
    }

    /// Answers the server's authentication requests until `AuthenticationOk`, then reads
    /// parameters and the backend key until `ReadyForQuery`.
    private func authenticate(_ credentials: PostgresCredentials) throws {
        var scram: SCRAMSHA256Client?
        func password() throws(PostgresError) -> [UInt8] {
            guard let password = credentials.password else { throw PostgresError(.noPassword(user: credentials.user)) }
            return password.bytes
        }
        while true {
            let message = try reader.next()
            var cursor = message.cursor
            switch message.type {
            case UInt8(ascii: "R"):
                let code = try cursor.int32()
                switch code {
                case 0: break
                case 3: try send(PostgresFrontendMessage.password(try password()))
                case 5:
                    let salt = try cursor.bytes(4)
                    try send(PostgresFrontendMessage.password(PostgresMD5Password.answer(password: try password(), user: credentials.user, salt: salt)))
                case 10:
                    var mechanisms: [String] = []
                    while !cursor.isAtEnd {
                        let name = try cursor.cString()
                        if name.isEmpty { break }
                        mechanisms.append(name)
                    }
                    guard mechanisms.contains(SCRAMSHA256Client.mechanism) else {
                        throw PostgresError(.unsupportedAuthentication("SASL with \(mechanisms.joined(separator: ", "))"))
                    }
                    let client = SCRAMSHA256Client(user: "", password: try password())
                    try send(PostgresFrontendMessage.saslInitialResponse(mechanism: SCRAMSHA256Client.mechanism, data: client.clientFirstMessage))
                    scram = client
                case 11:
                    guard var client = scram else { throw PostgresError(.protocolViolation("a SASL continuation before SASL began")) }
                    try send(PostgresFrontendMessage.saslResponse(try client.clientFinalMessage(serverFirst: cursor.rest())))
                    scram = client
                case 12:
                    guard let client = scram else { throw PostgresError(.protocolViolation("a SASL final message before SASL began")) }
                    try client.verify(serverFinal: cursor.rest())
                case 2: throw PostgresError(.unsupportedAuthentication("Kerberos V5"))
                case 7, 8: throw PostgresError(.unsupportedAuthentication("GSSAPI"))
                case 9: throw PostgresError(.unsupportedAuthentication("SSPI"))
                default: throw PostgresError(.unsupportedAuthentication("authentication method \(code)"))
                }
            case UInt8(ascii: "Z"):
                return
            default:
                try takeAsynchronous(message)
            }
        }
    }

    /// Takes a message that may come at any time: `ParameterStatus`, `BackendKeyData`,
    /// `NoticeResponse`, `NotificationResponse`, `NegotiateProtocolVersion`; an
    /// `ErrorResponse` is thrown; anything else is a protocol error.
    func takeAsynchronous(_ message: PostgresBackendMessage) throws(PostgresError) {
        var cursor = message.cursor
        switch message.type {
        case UInt8(ascii: "S"):
            let name = try cursor.cString()
            parameters[name] = try cursor.cString()
        case UInt8(ascii: "K"):
            backendKey = (try cursor.int32(), try cursor.int32())
        case UInt8(ascii: "N"):
            if notices.count < 100 { notices.append(try Self.serverError(message)) }
        case UInt8(ascii: "A"), UInt8(ascii: "v"):
            break
        case UInt8(ascii: "E"):
            throw PostgresError(.server(try Self.serverError(message)))
        default:
            throw PostgresError(.protocolViolation("unexpected message '\(PostgresMessageReader.printable(message.type))'"))
        }
    }

    /// The fields of an `ErrorResponse` or `NoticeResponse`.
    static func serverError(_ message: PostgresBackendMessage) throws(PostgresError) -> PostgresServerError {
        var cursor = message.cursor
        var fields: [UInt8: String] = [:]
        while !cursor.isAtEnd {
            let code = try cursor.byte()
            if code == 0 { break }
            fields[code] = try cursor.cString()
        }
        return PostgresServerError(fields: fields)
    }

    /// Says goodbye (`Terminate`) and closes; errors are ignored, the session is over anyway.
    func close() {
        reader.deadline = ContinuousClock.now.advanced(by: .seconds(1))
        try? send(PostgresFrontendMessage.terminate())
        stream.close()
    }
}
