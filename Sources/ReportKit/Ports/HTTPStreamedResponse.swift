import Foundation

/// A response whose body is read a piece at a time (a large download never sits in memory).
///
/// The status and headers are there at once; ``body`` yields the bytes in order. A body not
/// read is dropped with the value.
public struct HTTPStreamedResponse: Sendable {
    public var status: Int
    /// Header fields; names compare case-insensitively.
    public var headers: [String: String]
    /// The body's bytes, in pieces.
    public var body: ObjectChunks

    public init(status: Int, headers: [String: String] = [:], body: ObjectChunks) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A streamed view of a whole response: its body in pieces of `pieceSize` bytes.
    public init(_ response: HTTPResponse, pieceSize: Int = 1 << 20) {
        let data = response.body
        self.init(status: response.status, headers: response.headers, body: ObjectChunks { DataChunkSource(data, pieceSize: pieceSize) })
    }

    /// The value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// `true` for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

extension HTTPTransport {
    /// The whole response from ``HTTPTransport/send(_:)``, then its body in pieces: for a
    /// transport with no way to stream (a test double).
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamedResponse {
        HTTPStreamedResponse(try await send(request))
    }
}

/// Bytes already in memory, handed out a piece at a time.
final class DataChunkSource: ChunkSource {
    private let data: Data
    private let pieceSize: Int
    private var offset = 0

    init(_ data: Data, pieceSize: Int) {
        self.data = data
        self.pieceSize = max(1, pieceSize)
    }

    func next() async throws -> Data? {
        guard offset < data.count else { return nil }
        let end = min(data.count, offset + pieceSize)
        defer { offset = end }
        return Data(data[data.startIndex + offset..<data.startIndex + end])
    }
}
