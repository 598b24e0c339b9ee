import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one HTTP/1.1 request from a connected socket: the request line, the headers, and a
/// body sized by `Content-Length` or sent with `Transfer-Encoding: chunked` (trailers read
/// and dropped). `nil` when the peer closes early or sends something that is not HTTP.
struct HTTPRequestReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    /// Refuse heads and bodies larger than this (a test server, not a file server).
    static let limit = 64 << 20

    init(fd: Int32) {
        self.fd = fd
    }

    mutating func read() -> LoopbackHTTPServer.Request? {
        guard let requestLine = line(), !requestLine.isEmpty else { return nil }
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        while let header = line(), !header.isEmpty {
            guard let colon = header.firstIndex(of: ":") else { continue }
            let name = header[..<colon].lowercased()
            let value = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        var body: [UInt8] = []
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let chunked = chunkedBody() else { return nil }
            body = chunked
        } else if let length = Int(headers["content-length"] ?? "0"), length > 0 {
            guard length <= Self.limit, let bytes = bytes(length) else { return nil }
            body = bytes
        }
        return LoopbackHTTPServer.Request(method: String(parts[0]), target: String(parts[1]), headers: headers, body: Data(body))
    }

    /// `chunk = size [; extensions] CRLF data CRLF`, ending with a zero-size chunk, trailers
    /// and an empty line.
    private mutating func chunkedBody() -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            guard let sizeLine = line() else { return nil }
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0, body.count + size <= Self.limit else { return nil }
            if size == 0 {
                while let trailer = line(), !trailer.isEmpty {}
                return body
            }
            guard let chunk = bytes(size), let end = line(), end.isEmpty else { return nil }
            body += chunk
        }
    }

    /// The next line without its CRLF (or LF), as text.
    private mutating func line() -> String? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let text = String(decoding: buffer[position..<end], as: UTF8.self)
                position = newline + 1
                return text
            }
            guard buffer.count - position < Self.limit, fill() else { return nil }
        }
    }

    private mutating func bytes(_ count: Int) -> [UInt8]? {
        while buffer.count - position < count {
            guard fill() else { return nil }
        }
        let result = Array(buffer[position..<(position + count)])
        position += count
        return result
    }

    /// Reads more from the socket; `false` at the end or on an error.
    private mutating func fill() -> Bool {
        if position > 0, position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(fd, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }
}
