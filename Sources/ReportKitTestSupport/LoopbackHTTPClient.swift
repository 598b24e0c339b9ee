import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw HTTP client for tests of the loopback server itself: sends bytes exactly as given
/// (a chunked body, a request cut short) and returns everything the server sent back until
/// it closed the connection.
public enum LoopbackHTTPClient {
    /// Sends `request` to 127.0.0.1:`port`, then reads to the end of the connection; reads
    /// that wait longer than `timeout` seconds end it and throw.
    public static func exchange(_ request: [UInt8], port: Int, timeout: Double = 5) throws -> [UInt8] {
        let fd = try LoopbackSocket.connect(port: port, timeout: timeout)
        defer { close(fd) }
        guard LoopbackSocket.sendAll(fd, request) else { throw LoopbackSocket.Failure("send to 127.0.0.1:\(port) failed") }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return answer }
            guard count > 0 else { throw LoopbackSocket.Failure("no answer from 127.0.0.1:\(port) within \(timeout) s (errno \(errno))") }
            answer.append(contentsOf: buffer[0..<count])
        }
    }

    /// `exchange` with text in and out.
    public static func exchange(_ request: String, port: Int, timeout: Double = 5) throws -> String {
        String(decoding: try exchange(Array(request.utf8), port: port, timeout: timeout), as: UTF8.self)
    }
}
