import Foundation
import ReportKit

/// AWS Signature Version 4: signs a request for one service in one region.
///
/// Deterministic: the date is a parameter. The steps follow the AWS documentation
/// ("Create a signed AWS API request"): Stage 1, the canonical request; Stage 2, the string
/// to sign; Stage 3, the signing key and signature; Stage 4, the Authorization header (or,
/// for a presigned URL, the query parameters).
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    public var service: String
    /// Remove `.`/`..` segments and repeated slashes from the path before signing. AWS does
    /// for every service but S3, whose keys are taken literally.
    public var normalizesPath: Bool
    /// Include the session token in what is signed (true for every service ReportKit uses;
    /// a few services want it added after signing).
    public var signsSessionToken: Bool

    public init(
        credentials: AWSCredentials, region: String, service: String, normalizesPath: Bool? = nil, signsSessionToken: Bool = true
    ) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.normalizesPath = normalizesPath ?? (service != "s3")
        self.signsSessionToken = signsSessionToken
    }

    /// A signed request's parts, each kept for checking against published vectors.
    public struct Signature: Sendable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        /// Headers to send besides the request's own (date, token, content hash, Authorization).
        public var headers: [(name: String, value: String)]
        /// Query parameters to send besides the request's own (presigned URLs only).
        public var query: [(name: String, value: String)]
    }

    /// The SHA-256 of an empty body, in hex.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Signs with an `Authorization` header.
    ///
    /// - Parameters:
    ///   - path: the decoded path (`/bucket/my key`); it is percent-encoded once here.
    ///   - query: decoded query parameters.
    ///   - headers: the request's headers, `Host` included.
    ///   - payloadHash: the body's SHA-256 in hex, or `UNSIGNED-PAYLOAD`.
    ///   - sendsContentHash: add `x-amz-content-sha256` (S3 requires it).
    public func sign(
        method: String, path: String, query: [(name: String, value: String)], headers: [(name: String, value: String)],
        payloadHash: String, sendsContentHash: Bool, date: Date
    ) -> Signature {
        let stamp = Self.timestamp(date)
        var added: [(name: String, value: String)] = [("x-amz-date", stamp)]
        if sendsContentHash { added.append(("x-amz-content-sha256", payloadHash)) }
        var unsigned: [(name: String, value: String)] = []
        if let token = credentials.sessionToken {
            if signsSessionToken { added.append(("x-amz-security-token", token)) } else { unsigned.append(("x-amz-security-token", token)) }
        }
        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(headers + added)
        let canonicalRequest = [
            method, canonicalURI(path), Self.canonicalQuery(query), canonicalHeaders, signedHeaders, payloadHash,
        ].joined(separator: "\n")
        let (stringToSign, signature) = finish(canonicalRequest, stamp: stamp)
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(stamp)), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            headers: added + unsigned + [("Authorization", authorization)], query: [])
    }

    /// Signs as a presigned URL valid for `expires` seconds: the signature goes in the query.
    public func presign(
        method: String, path: String, query: [(name: String, value: String)], headers: [(name: String, value: String)],
        expires: Int, payloadHash: String = "UNSIGNED-PAYLOAD", date: Date
    ) -> Signature {
        let stamp = Self.timestamp(date)
        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(headers)
        var added: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(stamp))"),
            ("X-Amz-Date", stamp), ("X-Amz-Expires", String(expires)), ("X-Amz-SignedHeaders", signedHeaders),
        ]
        var unsigned: [(name: String, value: String)] = []
        if let token = credentials.sessionToken {
            if signsSessionToken { added.append(("X-Amz-Security-Token", token)) } else { unsigned.append(("X-Amz-Security-Token", token)) }
        }
        let canonicalRequest = [
            method, canonicalURI(path), Self.canonicalQuery(query + added), canonicalHeaders, signedHeaders, payloadHash,
        ].joined(separator: "\n")
        let (stringToSign, signature) = finish(canonicalRequest, stamp: stamp)
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            headers: [], query: added + unsigned + [("X-Amz-Signature", signature)])
    }

    // MARK: - Stages 2 and 3

    private func scope(_ stamp: String) -> String {
        "\(stamp.prefix(8))/\(region)/\(service)/aws4_request"
    }

    private func finish(_ canonicalRequest: String, stamp: String) -> (String, String) {
        let stringToSign = ["AWS4-HMAC-SHA256", stamp, scope(stamp), SHA256.hex(Array(canonicalRequest.utf8))].joined(separator: "\n")
        var key = HMACSHA256.authenticate(Array(stamp.prefix(8).utf8), key: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [region, service, "aws4_request"] { key = HMACSHA256.authenticate(Array(part.utf8), key: key) }
        return (stringToSign, Hex.encode(HMACSHA256.authenticate(Array(stringToSign.utf8), key: key)))
    }

    // MARK: - Stage 1 pieces

    /// `YYYYMMDD'T'HHMMSS'Z'` of `date` in UTC.
    public static func timestamp(_ date: Date) -> String {
        let parts = Timestamp.components(date)
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(parts.year, 4) + digits(parts.month, 2) + digits(parts.day, 2) + "T"
            + digits(parts.hour, 2) + digits(parts.minute, 2) + digits(parts.second, 2) + "Z"
    }

    /// The path, normalized when the service wants it, percent-encoded once (`/` kept).
    func canonicalURI(_ path: String) -> String {
        var path = path.isEmpty ? "/" : path
        if normalizesPath {
            var segments: [Substring] = []
            for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
                if segment == "." { continue }
                if segment == ".." { _ = segments.popLast(); continue }
                segments.append(segment)
            }
            let trailing = path.hasSuffix("/") && !segments.isEmpty
            path = "/" + segments.joined(separator: "/") + (trailing ? "/" : "")
        }
        return Self.encode(path, keepingSlash: true)
    }

    /// Sorted `name=value` pairs, each side percent-encoded.
    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        query.map { (encode($0.name, keepingSlash: false), encode($0.value, keepingSlash: false)) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// Lowercase names, sorted; values trimmed with inner whitespace runs made one space;
    /// repeated names joined with commas. Returns the block and the signed-headers list.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (String, String) {
        var merged: [String: [String]] = [:]
        for header in headers {
            let words = header.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            merged[header.name.lowercased(), default: []].append(words.joined(separator: " "))
        }
        let names = merged.keys.sorted()
        let block = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        return (block, names.joined(separator: ";"))
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters (and `/`).
    public static func encode(_ text: String, keepingSlash: Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            case UInt8(ascii: "/") where keepingSlash:
                out += "/"
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
