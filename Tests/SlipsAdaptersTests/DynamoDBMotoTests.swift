import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import SlipsAdapters
import SlipsCore
import Testing

/// The DynamoDB buildables store and `reportcli slips` against moto's server, checked with boto3.
@Suite("DynamoDB buildables against moto", .enabled(if: MotoServer.shouldRun), .serialized)
struct DynamoDBMotoTests {
    static let script = FixturePaths.packageRoot.appendingPathComponent("Tests/Scripts/moto_check.py")
    static let credentials = AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing-secret-key")

    static func client(_ service: String, url: URL, credentials: AWSCredentials = credentials) -> AWSClient {
        AWSClient(
            service: service, configuration: AWSConfiguration(credentials: credentials, region: "us-east-1", endpoint: url),
            transport: RetryingTransport(URLSessionTransport(), policy: RetryPolicy(maxAttempts: 2, baseDelay: 0.05, maxDelay: 0.1, budget: 600)),
            clock: SystemClock(), timeout: 5)
    }

    /// Loads the slips end-to-end table into a new DynamoDB table; returns its name.
    static func loadSlipsTable(_ url: URL) throws -> String {
        let table = "buildables-\(UUID().uuidString.prefix(8).lowercased())"
        let items = try YAML.value([UInt8](FixturePaths.data("slips/e2e_db.yaml")))["items"] ?? []
        let scratch = try ScratchDirectory()
        let path = try scratch.file("items.json", JSONWriter.canonical(items))
        _ = try MotoServer.python(script, ["dynamodb-load", table, path], url: url)
        return table
    }

    @Test("reportcli slips --db dynamodb://TABLE --dryrun prints the same payload as from the file")
    func slipsFromDynamoDB() throws {
        let url = try MotoServer.require()
        let table = try Self.loadSlipsTable(url)
        let run = try ReportCLIProcess.run(
            ["slips", "--db", "dynamodb://\(table)", "--now", "2020-05-01T04:05:06Z", "--dryrun"], environment: MotoServer.environment(url))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(GoldenFile.difference(run.stdout, try FixturePaths.text("slips/e2e_expected.json"), name: "stdout") == nil)
        #expect(!run.stderr.contains("testing-secret-key"))
    }

    @Test("a real run against DynamoDB sends, then writes the cutoff item")
    func slipsCutoffInDynamoDB() throws {
        let url = try MotoServer.require()
        let table = try Self.loadSlipsTable(url)
        let receiver = try LoopbackHTTPServer()
        let run = try ReportCLIProcess.run(
            ["slips", "--db", "dynamodb://\(table)", "--now", "2020-05-01T04:05:06Z", "--notify-url", receiver.url().absoluteString],
            environment: MotoServer.environment(url))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(receiver.requests.count == 1)
        let item = try JSONReader.parse(try MotoServer.python(Self.script, ["dynamodb-get", table, "NOTIFICATION", "region-slips"], url: url))
        #expect(item == ["artifact": "NOTIFICATION", "instance": "region-slips", "updated": "2020-05-01 04:05:06 UTC"])
    }

    @Test("DynamoDB items read back as the file store gives them")
    func dynamoItems() async throws {
        let url = try MotoServer.require()
        let table = try Self.loadSlipsTable(url)
        let store = DynamoDBBuildables(table: table, client: Self.client("dynamodb", url: url))
        let file = try BuildablesFile.open(path: FixturePaths.fixture("slips/e2e_db.yaml").path)
        for artifact in ["REGION", "SERVICE", "NOTIFICATION"] {
            let fromTable = try await store.items(artifact: artifact).map(\.attributes)
            let fromFile = try await file.items(artifact: artifact).map(\.attributes)
            #expect(Set(fromTable) == Set(fromFile), "\(artifact)")
        }
        let planned = try await store.plannedItems(artifact: "SERVICE")
        #expect(planned.allSatisfy { $0.has("plan") } && !planned.isEmpty)
        #expect(try await store.item(artifact: "SERVICE", instance: "chrisjen:v2:ABC")?["version_instance"] == 2)
        #expect(try await store.item(artifact: "SERVICE", instance: "nobody:v0") == nil)
    }

    @Test("moto's authentication mode accepts our signatures and refuses a wrong secret")
    func authenticationMode() async throws {
        _ = try MotoServer.require()
        let (process, url) = try await MotoServer.startPrivate(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"])
        // SIGKILL: a child of the test runner inherits its blocked signals, SIGTERM included.
        defer { kill(process.processIdentifier, SIGKILL) }
        let key = try JSONReader.parse(try MotoServer.python(Self.script, ["iam-user"], url: url))
        let id = try #require(key["id"]?.stringValue)
        let secret = try #require(key["secret"]?.stringValue)

        let signed = DynamoDBBuildables(
            table: "no-such-table", client: Self.client("dynamodb", url: url, credentials: AWSCredentials(accessKeyID: id, secretAccessKey: secret)))
        let accepted = try await #require(throws: AWSServiceError.self) { try await signed.items(artifact: "REGION") }
        #expect(accepted.code == "ResourceNotFoundException", "the signature was accepted: \(accepted)")

        let wrong = DynamoDBBuildables(
            table: "no-such-table", client: Self.client("dynamodb", url: url, credentials: AWSCredentials(accessKeyID: id, secretAccessKey: "wrong" + secret)))
        let refused = try await #require(throws: AWSServiceError.self) { try await wrong.items(artifact: "REGION") }
        #expect(refused.code != "ResourceNotFoundException" && refused.status == 400 || refused.status == 403, "\(refused)")
        #expect(!refused.description.contains(secret))
        print("moto authentication mode: signed request accepted (\(accepted.code)); wrong secret refused (\(refused.code))")
    }
}
