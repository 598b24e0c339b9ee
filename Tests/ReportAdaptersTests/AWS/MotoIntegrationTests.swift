import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

/// The AWS adapters against moto's server (S3 and DynamoDB), checked both ways with boto3.
@Suite("AWS adapters against moto", .enabled(if: MotoServer.shouldRun), .serialized)
struct MotoIntegrationTests {
    static let script = FixturePaths.packageRoot.appendingPathComponent("Tests/Scripts/moto_check.py")
    static let credentials = AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing-secret-key")

    static func client(_ service: String, url: URL, credentials: AWSCredentials = credentials, logger: Logger = .silent) -> AWSClient {
        AWSClient(
            service: service, configuration: AWSConfiguration(credentials: credentials, region: "us-east-1", endpoint: url),
            transport: RetryingTransport(URLSessionTransport(), policy: RetryPolicy(maxAttempts: 2, baseDelay: 0.05, maxDelay: 0.1, budget: 600), logger: logger),
            clock: SystemClock(), timeout: 5)
    }

    static func bucket(_ url: URL) throws -> String {
        let name = "reportkit-\(UUID().uuidString.prefix(8).lowercased())"
        _ = try MotoServer.python(script, ["create-bucket", name], url: url)
        return name
    }

    @Test("S3 keeps the object store contract")
    func contract() async throws {
        let url = try MotoServer.require()
        let store = try S3ObjectStore(url: "s3://\(try Self.bucket(url))/reports", client: Self.client("s3", url: url))
        try await ObjectStoreContract.verify(store, prefix: "run/")
    }

    @Test("S3 lists past a page: 1,050 keys come back, in order, and delete")
    func pagination() async throws {
        let url = try MotoServer.require()
        let store = try S3ObjectStore(url: "s3://\(try Self.bucket(url))", client: Self.client("s3", url: url))
        let keys = try (0..<1050).map { try ObjectKey(String(format: "many/%04d.txt", $0)) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for chunk in stride(from: 0, to: keys.count, by: 150) {
                group.addTask { for key in keys[chunk..<min(chunk + 150, keys.count)] { try await store.put(key, Data(key.text.utf8)) } }
            }
            try await group.waitForAll()
        }
        let listed = try await store.list(prefix: "many/")
        #expect(listed.map(\.key) == keys)
        #expect(listed.allSatisfy { $0.size == 13 && $0.etag != nil })
        try await store.delete(keys[0])
        #expect(try await store.list(prefix: "many/0000").isEmpty)
    }

    @Test("what ReportKit writes boto3 reads, and the other way round, content types included")
    func crossRead() async throws {
        let url = try MotoServer.require()
        let bucket = try Self.bucket(url)
        let store = try S3ObjectStore(url: "s3://\(bucket)/x", client: Self.client("s3", url: url))
        try await store.put("from swift/é & ü.json", Data("{\"a\":1}".utf8), contentType: "application/json")
        let read = try JSONReader.parse(try MotoServer.python(Self.script, ["s3-get", bucket, "x/from swift/é & ü.json"], url: url))
        #expect(read == ["body": "{\"a\":1}", "content_type": "application/json"])
        _ = try MotoServer.python(Self.script, ["s3-put", bucket, "x/from-boto3.csv", "text/csv", "a;b\n1;2\n"], url: url)
        #expect(try await store.get("from-boto3.csv") == Data("a;b\n1;2\n".utf8))
        #expect(try await store.get("missing.csv") == nil)
    }

    @Test("a 12 MB file is put as one streamed PUT and read back in 5 MB ranged pieces")
    func largeFile() async throws {
        let url = try MotoServer.require()
        let store = try S3ObjectStore(url: "s3://\(try Self.bucket(url))/big", client: Self.client("s3", url: url))
        let scratch = try ScratchDirectory()
        let path = try scratch.file("big.bin", "")
        // 4,099 bytes (prime, so pieces do not line up with it) repeated to just over 12 MB.
        let pattern = Data((0..<4099).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        var bytes = Data(capacity: 12_000_003)
        while bytes.count + pattern.count <= 12_000_003 { bytes.append(pattern) }
        bytes.append(pattern.prefix(12_000_003 - bytes.count))
        try bytes.write(to: URL(fileURLWithPath: path))
        try await store.put("run/big.bin", fileAt: path, contentType: "application/octet-stream")
        var hasher = SHA256()
        var sizes: [Int] = []
        for try await piece in store.chunks("run/big.bin", size: 5_000_000) {
            hasher.update(piece)
            sizes.append(piece.count)
        }
        #expect(sizes == [5_000_000, 5_000_000, 2_000_003])
        #expect(hasher.finalize() == SHA256.hash(bytes))
        #expect(try await store.list(prefix: "run/").map(\.size) == [bytes.count])
    }

    @Test("a missing bucket is a clear outside failure")
    func missingBucket() async throws {
        let url = try MotoServer.require()
        let store = try S3ObjectStore(url: "s3://no-such-bucket-reportkit/x", client: Self.client("s3", url: url))
        let error = try await #require(throws: AWSServiceError.self) { try await store.put("a.txt", Data("a".utf8)) }
        #expect(error.code == "NoSuchBucket")
        #expect(error.category == .outsideSystem)
    }
}
