import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ReportKit

extension URLSessionTransport {
    /// A download task: URLSession writes the body to a temporary file as it arrives (memory
    /// stays flat), and the body is then read from that file a megabyte at a time; the file
    /// is removed once read, or when the response is dropped. `timeout` bounds the wait for
    /// the first byte and any pause after it (at least 1 s), not the whole transfer.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamedResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = max(1, request.timeout.rounded(.up))
        configuration.timeoutIntervalForResource = 7 * 24 * 3600
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let host = Self.hostDescription(request.url)
        do {
            let (file, response) = try await session.download(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                try? FileManager.default.removeItem(at: file)
                throw HTTPTransportError(.other, host: host, "the response was not HTTP")
            }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name] = value }
            }
            let body = try DownloadedFile(path: file.path, host: host)
            return HTTPStreamedResponse(status: http.statusCode, headers: headers, body: ObjectChunks { body.reader() })
        } catch let error as HTTPTransportError {
            throw error
        } catch let error as URLError {
            throw Self.transportError(error, host: host, timeout: request.timeout)
        } catch {
            throw HTTPTransportError(.other, host: host, "request failed")
        }
    }
}

/// A downloaded body in a temporary file, removed when the last reader lets go of it.
final class DownloadedFile: @unchecked Sendable {
    let path: String
    let host: String

    init(path: String, host: String) throws {
        self.path = path
        self.host = host
    }

    deinit { unlink(path) }

    func reader() -> any ChunkSource { DownloadedFileReader(file: self) }
}

/// Reads a ``DownloadedFile`` a megabyte at a time.
final class DownloadedFileReader: ChunkSource {
    let file: DownloadedFile
    private var descriptor: Int32 = -1
    private var finished = false
    static let pieceSize = 1 << 20

    init(file: DownloadedFile) {
        self.file = file
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    func next() async throws -> Data? {
        guard !finished else { return nil }
        if descriptor < 0 {
            descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                finished = true
                throw HTTPTransportError(.other, host: file.host, "the downloaded body is gone: \(String(cString: strerror(errno)))")
            }
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.pieceSize, alignment: 16)
        var got = 0
        while got < Self.pieceSize {
            let n = read(descriptor, buffer + got, Self.pieceSize - got)
            if n < 0, errno == EINTR { continue }
            if n < 0 {
                buffer.deallocate()
                finished = true
                throw HTTPTransportError(.other, host: file.host, "cannot read the downloaded body: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            got += n
        }
        if got < Self.pieceSize {
            finished = true
            close(descriptor)
            descriptor = -1
        }
        guard got > 0 else {
            buffer.deallocate()
            return nil
        }
        return Data(bytesNoCopy: buffer, count: got, deallocator: .custom { pointer, _ in pointer.deallocate() })
    }
}
