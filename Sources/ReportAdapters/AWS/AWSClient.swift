import Foundation
import ReportKit

/// Signed requests to one AWS service over an ``HTTPTransport`` (live: URLSession with
/// retries), and AWS's error answers turned into ``AWSServiceError``s.
public struct AWSClient: Sendable {
    public var service: String
    public var configuration: AWSConfiguration
    public var transport: any HTTPTransport
    public var clock: any WallClock
    /// Seconds to wait for one response.
    public var timeout: Double

    public init(service: String, configuration: AWSConfiguration, transport: any HTTPTransport, clock: any WallClock, timeout: Double = 10) {
        self.service = service
        self.configuration = configuration
        self.transport = transport
        self.clock = clock
        self.timeout = timeout
    }

    /// The service's base URL: the custom endpoint, or `https://<service>.<region>.amazonaws.com`.
    ///
    /// - Throws: ``AWSConfigurationError`` (bad input) when the region cannot be part of a host name.
    public func baseURL() throws(AWSConfigurationError) -> URL {
        if let endpoint = configuration.endpoint { return endpoint }
        return try Self.publicURL(host: "\(service).\(try configuration.checkedRegion()).amazonaws.com")
    }

    /// `https://host`, for a host made of checked names.
    static func publicURL(host: String) throws(AWSConfigurationError) -> URL {
        guard let url = URL(string: "https://\(host)") else { throw AWSConfigurationError("cannot form a URL for the host \(host)") }
        return url
    }

    /// Sends a signed request to `path` (decoded; percent-encoded here) on `base`.
    ///
    /// - Parameters:
    ///   - body: the body's bytes; or
    ///   - bodyFile: a local file streamed as the body, with `payloadHash` its SHA-256 in hex.
    public func send(
        _ operation: String, method: String, base: URL? = nil, path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: Data = Data(), bodyFile: String? = nil, payloadHash: String? = nil,
        timeout: Double? = nil
    ) async throws -> HTTPResponse {
        let base = try base ?? baseURL()
        var host = base.host ?? ""
        if let port = base.port { host += ":\(port)" }
        let basePath = base.path == "/" ? "" : base.path
        let fullPath = basePath + path
        let queryText = query.map { "\(SigV4Signer.encode($0.name, keepingSlash: false))=\(SigV4Signer.encode($0.value, keepingSlash: false))" }
            .joined(separator: "&")
        let text = "\(base.scheme ?? "https")://\(host)\(SigV4Signer.encode(fullPath, keepingSlash: true))" + (queryText.isEmpty ? "" : "?" + queryText)
        guard let url = URL(string: text) else { throw AWSServiceError(service: service, operation: operation, status: 0, code: "InvalidURL", message: "cannot form a URL for the request") }
        let isS3 = service == "s3"
        let signer = SigV4Signer(credentials: configuration.credentials, region: configuration.region, service: service)
        let payloadHash = payloadHash ?? SHA256.hex(body)
        let signature = signer.sign(
            method: method, path: fullPath, query: query, headers: [("Host", host)] + headers, payloadHash: payloadHash,
            sendsContentHash: isS3, date: clock.now())
        let request = HTTPRequest(
            method: method, url: url, headers: headers + signature.headers, body: body, bodyFile: bodyFile, timeout: timeout ?? self.timeout)
        let response = try await transport.send(request)
        guard (200..<300).contains(response.status) else {
            throw AWSServiceError(service: service, operation: operation, response: response)
        }
        return response
    }
}

/// AWS answered with an error: the service's code and message (never the request's
/// signature or keys). An outside failure: exit 3.
public struct AWSServiceError: Error, Sendable, CategorizedError, CustomStringConvertible {
    public var service: String
    public var operation: String
    public var status: Int
    public var code: String
    public var message: String

    public init(service: String, operation: String, status: Int, code: String, message: String) {
        self.service = service
        self.operation = operation
        self.status = status
        self.code = code
        self.message = message
    }

    /// Reads S3's XML (`<Code>`, `<Message>`) or DynamoDB's JSON (`__type`, `message`).
    init(service: String, operation: String, response: HTTPResponse) {
        self.service = service
        self.operation = operation
        status = response.status
        let text = String(decoding: response.body.prefix(4096), as: UTF8.self)
        if let json = try? JSONReader.parse(text), let type = json["__type"]?.stringValue {
            code = String(type.split(separator: "#").last ?? Substring(type))
            message = json["message"]?.stringValue ?? json["Message"]?.stringValue ?? ""
        } else {
            code = Self.element("Code", in: text) ?? "HTTP\(response.status)"
            message = Self.element("Message", in: text) ?? ""
        }
    }

    public var category: ErrorCategory { .outsideSystem }

    public var description: String {
        "\(service) \(operation) failed: \(code)\(message.isEmpty ? "" : ": \(message)") (HTTP \(status))"
    }

    private static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else { return nil }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}
