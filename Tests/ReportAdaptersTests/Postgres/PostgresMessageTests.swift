import Foundation
@testable import ReportAdapters
import Testing

/// A stream that hands out scripted bytes a few at a time.
final class ScriptedByteStream: PostgresByteStream {
    private var bytes: [UInt8]
    private let piece: Int
    private(set) var written: [UInt8] = []

    init(_ bytes: [UInt8], piece: Int) {
        self.bytes = bytes
        self.piece = piece
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant?) throws -> Int {
        let count = min(piece, buffer.count, bytes.count)
        buffer.copyBytes(from: bytes.prefix(count))
        bytes.removeFirst(count)
        return count
    }

    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) throws { written += bytes }
    func close() {}
}

@Suite("PostgreSQL message framing")
struct PostgresMessageTests {
    @Test("the start-up message: length, version 3.0, name/value pairs, a final NUL")
    func startup() {
        let bytes = PostgresFrontendMessage.startup([("user", "rk"), ("database", "db")])
        let body: [UInt8] = [0, 3, 0, 0] + Array("user\0rk\0database\0db\0\0".utf8)
        #expect(bytes == [0, 0, 0, UInt8(body.count + 4)] + body)
    }

    @Test("typed messages: a type byte, a length counting itself, the body")
    func typed() {
        #expect(PostgresFrontendMessage.query("select 1") == [UInt8(ascii: "Q"), 0, 0, 0, 13] + Array("select 1\0".utf8))
        #expect(PostgresFrontendMessage.sync() == [UInt8(ascii: "S"), 0, 0, 0, 4])
        #expect(PostgresFrontendMessage.sslRequest() == [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F])
        #expect(PostgresFrontendMessage.cancelRequest(processID: 258, secretKey: -1) == [0, 0, 0, 16, 0x04, 0xD2, 0x16, 0x2E, 0, 0, 1, 2, 255, 255, 255, 255])
        #expect(PostgresFrontendMessage.saslInitialResponse(mechanism: "M", data: [9]) == [UInt8(ascii: "p"), 0, 0, 0, 11, UInt8(ascii: "M"), 0, 0, 0, 0, 1, 9])
    }

    static func message(_ type: Character, _ body: [UInt8]) -> [UInt8] {
        let length = body.count + 4
        return [UInt8(ascii: type.unicodeScalars.first!), UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + body
    }

    @Test("the reader cuts messages however the bytes arrive, one at a time or all at once", arguments: [1, 3, 7, 4096])
    func reader(piece: Int) throws {
        let large = [UInt8](repeating: 0x41, count: 300_000)  // larger than the reader's buffer
        let stream = ScriptedByteStream(
            Self.message("S", Array("TimeZone\0UTC\0".utf8)) + Self.message("d", large) + Self.message("Z", [UInt8(ascii: "I")]), piece: piece)
        let reader = PostgresMessageReader(stream: stream, capacity: 16)
        let first = try reader.next()
        var cursor = first.cursor
        #expect(first.type == UInt8(ascii: "S"))
        #expect(try cursor.cString() == "TimeZone")
        #expect(try cursor.cString() == "UTC")
        #expect(cursor.isAtEnd)
        let second = try reader.next()
        #expect(second.type == UInt8(ascii: "d") && second.body.count == large.count && second.body.allSatisfy { $0 == 0x41 })
        #expect(try reader.next().type == UInt8(ascii: "Z"))
        let error = try #require(throws: PostgresError.self) { _ = try reader.next() }
        #expect(error.reason == .connectionLost("the server closed the connection"))
        #expect(error.category == .outsideSystem)
    }

    @Test("an impossible length is a protocol error, not a huge allocation")
    func badLength() throws {
        let reader = PostgresMessageReader(stream: ScriptedByteStream([UInt8(ascii: "d"), 0x7F, 0xFF, 0xFF, 0xFF], piece: 5))
        let error = try #require(throws: PostgresError.self) { _ = try reader.next() }
        guard case .protocolViolation = error.reason else { Issue.record("\(error)"); return }
    }

    @Test("an ErrorResponse's fields: severity, SQLSTATE, message, detail and hint, and its category")
    func errorResponse() throws {
        let body = Array("SERROR\0VERROR\0C25006\0Mcannot execute DELETE in a read-only transaction\0Hnone\0\0".utf8)
        let reader = PostgresMessageReader(stream: ScriptedByteStream(Self.message("E", body), piece: 64))
        let error = try PostgresConnection.serverError(try reader.next())
        #expect(error.code == "25006")
        #expect(error.description == "ERROR 25006: cannot execute DELETE in a read-only transaction (hint: none)")
        #expect(PostgresError(.server(error)).category == .badInput)
        var shutdown = error
        shutdown.code = "57P01"
        #expect(PostgresError(.server(shutdown)).category == .outsideSystem)
    }
}
