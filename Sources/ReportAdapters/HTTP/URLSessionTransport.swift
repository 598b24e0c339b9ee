import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ReportKit

/// The live HTTP transport: Foundation's `URLSession`.
///
/// Returns every response, 4xx and 5xx included; throws ``HTTPTransportError`` only when no
/// response arrived. Errors name the host and port, never the path or query.
public struct URLSessionTransport: HTTPTransport {
    public init() {}

    /// A session whose request timeout is `timeout`: swift-corelibs-foundation honours the
    /// session's timeout, not the request's, and in whole seconds (so at least 1).
    private static func session(timeout: Double) -> URLSession {
        let timeout = max(1, timeout.rounded(.up))
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        return URLSession(configuration: configuration)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if request.bodyFile == nil, !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
            urlRequest.httpBody = request.body
        }
        let host = Self.hostDescription(request.url)
        let session = Self.session(timeout: request.timeout)
        defer { session.finishTasksAndInvalidate() }
        do {
            let (data, response) = if let file = request.bodyFile {
                try await session.upload(for: urlRequest, fromFile: URL(fileURLWithPath: file))
            } else {
                try await session.data(for: urlRequest)
            }
            guard let http = response as? HTTPURLResponse else {
                throw HTTPTransportError(.other, host: host, "the response was not HTTP")
            }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name] = value }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data)
        } catch let error as HTTPTransportError {
            throw error
        } catch let error as URLError {
            throw Self.transportError(error, host: host, timeout: request.timeout)
        } catch {
            throw HTTPTransportError(.other, host: host, "request failed")
        }
    }

    static func transportError(_ error: URLError, host: String, timeout: Double) -> HTTPTransportError {
        switch error.code {
        case .timedOut:
            return HTTPTransportError(.timedOut, host: host, "no response within \(Int(timeout.rounded(.up))) s")
        case .cannotConnectToHost, .cannotFindHost, .networkConnectionLost, .notConnectedToInternet,
             .dnsLookupFailed, .secureConnectionFailed:
            return HTTPTransportError(.connectionFailed, host: host, "could not connect (\(error.code.rawValue))")
        default:
            return HTTPTransportError(.other, host: host, "request failed (URL error \(error.code.rawValue))")
        }
    }

    /// `host:port` of `url`: safe to show, unlike the path and query.
    public static func hostDescription(_ url: URL) -> String {
        let host = url.host ?? "unknown host"
        if let port = url.port { return "\(host):\(port)" }
        return host
    }
}
