import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

/// What the S3 store sends, against a scripted transport; and configuration text that
/// cannot form a URL, refused as bad input before any request.
@Suite("S3 requests and configuration text")
struct S3RequestTests {
    static let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "SECRET")

    static func store(_ transport: ScriptedTransport, region: String = "eu-north-1", endpoint: URL? = URL(string: "http://127.0.0.1:9")) throws -> S3ObjectStore {
        let client = AWSClient(
            service: "s3", configuration: AWSConfiguration(credentials: credentials, region: region, endpoint: endpoint),
            transport: transport, clock: FixedClock(Timestamp.parse("2020-05-01T00:00:00Z")!))
        return try S3ObjectStore(url: "s3://bucket/prefix", client: client)
    }

    @Test("bucket names and prefixes that break the rules are bad input", arguments: [
        "s3://Bad_Bucket/x", "s3://a b/x", "s3://ab", "s3://bucket/a//b", "s3://bucket/../x", "s3://-bucket", "s3://bucket\u{1b}/x", "http://bucket",
    ])
    func badURLs(url: String) {
        let client = AWSClient(
            service: "s3", configuration: AWSConfiguration(credentials: Self.credentials, region: "eu-north-1"),
            transport: ScriptedTransport([]), clock: SystemClock())
        #expect {
            try S3ObjectStore(url: url, client: client)
        } throws: { error in
            (error as? ObjectStoreError)?.category == .badInput
        }
    }

    @Test("a region that cannot be a host name is bad input, before any request")
    func badRegion() async throws {
        let transport = ScriptedTransport([])
        let store = try Self.store(transport, region: "eu north/1", endpoint: nil)
        let error = await #expect(throws: AWSConfigurationError.self) { _ = try await store.get("a.txt") }
        #expect(error?.category == .badInput && error?.description.contains("region") == true)
        #expect(transport.requests.isEmpty)
        let resolved = #expect(throws: AWSConfigurationError.self) {
            try AWSConfiguration.resolve(
                service: "s3", environment: ["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "S", "AWS_REGION": "EU_NORTH"],
                credentialsFile: nil, configFile: nil)
        }
        #expect(resolved?.description.contains("EU_NORTH") == true)
    }

    @Test("AWS's own endpoints are virtual-hosted on a checked region")
    func publicEndpoint() async throws {
        let transport = ScriptedTransport([.respond(HTTPResponse(status: 200, body: Data("x".utf8)))])
        _ = try await Self.store(transport, endpoint: nil).get("a b.txt")
        #expect(transport.requests.first?.url.absoluteString == "https://bucket.s3.eu-north-1.amazonaws.com/prefix/a%20b.txt")
    }

    @Test("an object name past S3's 1,024 bytes with the prefix is refused before any request")
    func tooLong() async throws {
        let transport = ScriptedTransport([])
        let key = try ObjectKey(Array(repeating: String(repeating: "k", count: 200), count: 5).joined(separator: "/") + "/abcdefghijklmno")
        #expect(key.text.utf8.count == 1020)
        await #expect(throws: ObjectStoreError.self) { try await Self.store(transport).put(key, Data()) }
        #expect(transport.requests.isEmpty)
    }

    @Test("ranged reads send Range; a 200 is cut to the range; a 416 is an empty piece")
    func ranges() async throws {
        let transport = ScriptedTransport([
            .respond(HTTPResponse(status: 206, body: Data("234".utf8))),
            .respond(HTTPResponse(status: 200, body: Data("0123456789".utf8))),
            .respond(HTTPResponse(status: 416, body: Data("<Error><Code>InvalidRange</Code></Error>".utf8))),
            .respond(HTTPResponse(status: 404, body: Data("<Error><Code>NoSuchKey</Code></Error>".utf8))),
        ])
        let store = try Self.store(transport)
        #expect(try await store.read("d.txt", range: 2..<5) == Data("234".utf8))
        #expect(transport.requests.first?.header("Range") == "bytes=2-4")
        #expect(try await store.read("d.txt", range: 8..<20) == Data("89".utf8))
        #expect(try await store.read("d.txt", range: 10..<20) == Data())
        #expect(try await store.read("missing.txt", range: 0..<1) == nil)
    }

    @Test("chunks after the first ask for the first one's ETag; a replaced object fails the read")
    func chunksOfOneVersion() async throws {
        let transport = ScriptedTransport([
            .respond(HTTPResponse(status: 206, headers: ["ETag": "\"v1\""], body: Data("0123".utf8))),
            .respond(HTTPResponse(status: 206, headers: ["ETag": "\"v1\""], body: Data("45".utf8))),
        ])
        var pieces: [Data] = []
        for try await piece in try Self.store(transport).chunks("d.txt", size: 4) { pieces.append(piece) }
        #expect(pieces == [Data("0123".utf8), Data("45".utf8)])
        #expect(transport.requests.map { $0.header("If-Match") } == [nil, "\"v1\""])
        #expect(transport.requests.map { $0.header("Range") } == ["bytes=0-3", "bytes=4-7"])

        let replaced = ScriptedTransport([
            .respond(HTTPResponse(status: 206, headers: ["ETag": "\"v1\""], body: Data("0123".utf8))),
            .respond(HTTPResponse(status: 412, body: Data("<Error><Code>PreconditionFailed</Code></Error>".utf8))),
        ])
        let error = await #expect(throws: ObjectStoreError.self) {
            for try await _ in try Self.store(replaced).chunks("d.txt", size: 4) {}
        }
        #expect(error?.message.contains("replaced") == true)
    }

    @Test("a put from a file streams it, signed with the file's SHA-256")
    func putFromFile() async throws {
        let scratch = try ScratchDirectory()
        let bytes = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0) })
        let path = try scratch.file("body.bin", "")
        try bytes.write(to: URL(fileURLWithPath: path))
        let transport = ScriptedTransport([.respond(HTTPResponse(status: 200))])
        try await Self.store(transport).put("up/body.bin", fileAt: path, contentType: "application/octet-stream")
        let request = try #require(transport.requests.first)
        #expect(request.method == "PUT" && request.bodyFile == path && request.body.isEmpty)
        #expect(request.header("x-amz-content-sha256") == SHA256.hex(bytes))
        #expect(request.header("Content-Type") == "application/octet-stream")
    }
}
