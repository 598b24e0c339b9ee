import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

/// Every case of the aws-c-auth SigV4 suite in `Fixtures/sigv4/v4`: canonical request,
/// string to sign and signature, for header signing and for presigned URLs.
@Suite("SigV4 vectors")
struct SigV4VectorTests {
    struct Request {
        var method: String
        var path: String
        var query: [(name: String, value: String)]
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    /// `METHOD path?query HTTP/1.1`, `Name:value` lines (indented lines continue a value), a
    /// blank line, the body.
    static func request(_ text: String) -> Request {
        var lines = text.components(separatedBy: "\n")
        let first = lines.removeFirst().split(separator: " ")
        let target = first.dropFirst().dropLast().joined(separator: " ")
        let (rawPath, rawQuery) = target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) } ?? (target, "")
        var headers: [(name: String, value: String)] = []
        while let line = lines.first, !line.isEmpty {
            lines.removeFirst()
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        let body = lines.isEmpty ? [] : Array(lines.dropFirst().joined(separator: "\n").utf8)
        let query: [(name: String, value: String)] = rawQuery.isEmpty ? [] : rawQuery.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.removingPercentEncoding ?? String(text) }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
        return Request(method: String(first[0]), path: rawPath, query: query, headers: headers, body: body)
    }

    static let cases: [String] = {
        let root = FixturePaths.fixture("sigv4/v4")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasSuffix(".md") }.sorted()
    }()

    /// The differences from the expected files, empty when all match.
    static func mismatches(_ name: String) throws -> [String] {
        let directory = "sigv4/v4/\(name)/"
        let context = try JSONReader.parse(FixturePaths.text(directory + "context.json"))
        let credentials = AWSCredentials(
            accessKeyID: context["credentials"]?["access_key_id"]?.stringValue ?? "",
            secretAccessKey: context["credentials"]?["secret_access_key"]?.stringValue ?? "",
            sessionToken: context["credentials"]?["token"]?.stringValue)
        let signer = SigV4Signer(
            credentials: credentials, region: context["region"]?.stringValue ?? "", service: context["service"]?.stringValue ?? "",
            normalizesPath: context["normalize"]?.boolValue ?? true,
            signsSessionToken: !(context["omit_session_token"]?.boolValue ?? false))
        let date = try #require(Timestamp.parse(context["timestamp"]?.stringValue ?? ""))
        let request = request(try FixturePaths.text(directory + "request.txt"))
        let signBody = context["sign_body"]?.boolValue ?? false
        let payloadHash = signBody ? SHA256.hex(request.body) : SigV4Signer.emptyPayloadHash
        let header = signer.sign(
            method: request.method, path: request.path, query: request.query, headers: request.headers,
            payloadHash: payloadHash, sendsContentHash: signBody, date: date)
        let query = signer.presign(
            method: request.method, path: request.path, query: request.query, headers: request.headers,
            expires: context["expiration_in_seconds"]?.intValue ?? 3600, payloadHash: payloadHash, date: date)
        var problems: [String] = []
        func check(_ actual: String, _ file: String) throws {
            let expected = try FixturePaths.text(directory + file)
            if actual != expected { problems.append("\(name)/\(file):\n  expected \(expected.debugDescription)\n  actual   \(actual.debugDescription)") }
        }
        try check(header.canonicalRequest, "header-canonical-request.txt")
        try check(header.stringToSign, "header-string-to-sign.txt")
        try check(header.signature, "header-signature.txt")
        try check(query.canonicalRequest, "query-canonical-request.txt")
        try check(query.stringToSign, "query-string-to-sign.txt")
        try check(query.signature, "query-signature.txt")
        return problems
    }

    @Test("every vector: canonical request, string to sign and signature, header and query")
    func vectors() throws {
        #expect(Self.cases.count >= 38)
        var failed: [String] = []
        for name in Self.cases {
            let problems = try Self.mismatches(name)
            if !problems.isEmpty { failed.append(name) }
            for problem in problems { Issue.record(Comment(rawValue: problem)) }
        }
        print("SigV4 vectors: \(Self.cases.count - failed.count) of \(Self.cases.count) passed")
    }

    @Test("credentials never show their secret or token")
    func redaction() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "SECRETKEY", sessionToken: "TOKEN")
        let shown = "\(credentials) \(String(describing: credentials)) \(String(reflecting: credentials))"
        #expect(!shown.contains("SECRETKEY") && !shown.contains("TOKEN"))
        #expect(shown.contains("AKID"))
    }
}
