import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

/// The AWS client against a loopback server that misbehaves, and the secrets rule.
@Suite("AWS faults and secrets")
struct AWSFaultTests {
    static let secret = "SECRETKEYreportkitSECRET"
    static let token = "TOKENreportkitTOKEN"

    static func store(_ server: LoopbackHTTPServer, log: RecordingLogHandler) throws -> S3ObjectStore {
        let credentials = AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: secret, sessionToken: token)
        var logger = Logger(handler: log, minimumLevel: .debug)
        for secret in credentials.secrets { logger.redacting(secret) }
        let client = AWSClient(
            service: "s3", configuration: AWSConfiguration(credentials: credentials, region: "eu-north-1", endpoint: server.url()),
            transport: RetryingTransport(
                // A budget far past the attempts' time: these tests count attempts, and in a busy test run
                // a retry can wait a long time for a free thread (a 60 s budget ran out in CI that way).
                URLSessionTransport(), policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.1, budget: 600), logger: logger),
            clock: SystemClock(), timeout: 1)
        return try S3ObjectStore(url: "s3://bucket/prefix", client: client)
    }

    @Test("a 500 then a 200: retried, and the object arrives")
    func retried() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(500, body: "<Error><Code>InternalError</Code></Error>"), .status(200, body: "hello")])
        let log = RecordingLogHandler()
        #expect(try await Self.store(server, log: log).get("a.txt") == Data("hello".utf8))
        #expect(server.requests.count == 2)
        let request = try #require(server.requests.first)
        #expect(request.target == "/bucket/prefix/a.txt")
        #expect(request.headers.keys.contains { $0.lowercased() == "authorization" })
        #expect(request.headers.keys.contains { $0.lowercased() == "x-amz-content-sha256" })
    }

    @Test("always 500: an outside failure naming the code, after the retries")
    func alwaysFailing() async throws {
        let server = try LoopbackHTTPServer(fallback: .status(503, body: "<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>"))
        let log = RecordingLogHandler()
        let error = try await #require(throws: AWSServiceError.self) { try await Self.store(server, log: log).put("a.txt", Data("a".utf8)) }
        #expect(error.code == "SlowDown" && error.status == 503 && error.category == .outsideSystem)
        #expect(server.requests.count == 3)
        Self.expectNoSecrets(in: log.lines.map(\.message) + [error.description])
    }

    @Test("a server that never answers: a timeout, an outside failure")
    func hanging() async throws {
        let server = try LoopbackHTTPServer(fallback: .hang)
        let log = RecordingLogHandler()
        await #expect(throws: HTTPTransportError.self) { try await Self.store(server, log: log).get("a.txt") }
        Self.expectNoSecrets(in: log.lines.map(\.message))
    }

    @Test("S3's error XML becomes code and message, nothing else")
    func s3ErrorBody() async throws {
        let server = try LoopbackHTTPServer(fallback: .status(403, body: """
            <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match.</Message>\
            <StringToSign>AWS4-HMAC-SHA256 secret stuff</StringToSign></Error>
            """))
        let log = RecordingLogHandler()
        let error = try await #require(throws: AWSServiceError.self) { try await Self.store(server, log: log).get("a.txt") }
        #expect(error.description == "s3 GetObject failed: SignatureDoesNotMatch: The request signature we calculated does not match. (HTTP 403)")
        #expect(server.requests.count == 1, "4xx is not retried")
        #expect(!error.description.contains("StringToSign") && !error.description.contains("secret stuff"))
    }

    @Test("DynamoDB's error JSON (__type, message) becomes code and message, nothing else")
    func dynamoDBErrorBody() async throws {
        let server = try LoopbackHTTPServer(fallback: .status(400, body: """
            {"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",            "message":"Requested resource not found: Table: buildables not found","Extra":"AWS4-HMAC-SHA256 secret stuff"}
            """, headers: ["Content-Type": "application/x-amz-json-1.0"]))
        let log = RecordingLogHandler()
        let credentials = AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: Self.secret, sessionToken: Self.token)
        let client = AWSClient(
            service: "dynamodb", configuration: AWSConfiguration(credentials: credentials, region: "eu-north-1", endpoint: server.url()),
            transport: RetryingTransport(
                URLSessionTransport(), policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.1, budget: 600), logger: Logger(handler: log)),
            clock: SystemClock(), timeout: 1)
        let error = try await #require(throws: AWSServiceError.self) {
            try await client.send(
                "Query", method: "POST", path: "/",
                headers: [("X-Amz-Target", "DynamoDB_20120810.Query"), ("Content-Type", "application/x-amz-json-1.0")],
                body: Data(#"{"TableName":"buildables"}"#.utf8))
        }
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.message == "Requested resource not found: Table: buildables not found")
        #expect(error.status == 400 && error.category == .outsideSystem)
        #expect(error.description == "dynamodb Query failed: ResourceNotFoundException: Requested resource not found: Table: buildables not found (HTTP 400)")
        #expect(server.requests.count == 1, "4xx is not retried")
        #expect(server.requests.first?.headers["x-amz-target"] == "DynamoDB_20120810.Query")
        Self.expectNoSecrets(in: log.lines.map(\.message) + [error.description])
        #expect(!error.description.contains("secret stuff"))
    }

    static func expectNoSecrets(in lines: [String]) {
        for line in lines {
            #expect(!line.contains(secret) && !line.contains(token) && !line.contains("Signature="), "\(line)")
        }
    }
}

@Suite("AWS configuration")
struct AWSConfigurationTests {
    @Test("environment variables come first; per-service endpoints win")
    func environment() throws {
        let configuration = try AWSConfiguration.resolve(
            service: "dynamodb",
            environment: [
                "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "S", "AWS_SESSION_TOKEN": "T", "AWS_DEFAULT_REGION": "eu-west-1",
                "AWS_ENDPOINT_URL": "http://127.0.0.1:1", "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:2",
            ],
            credentialsFile: "[default]\naws_access_key_id = FILE\naws_secret_access_key = FILESECRET\n", configFile: nil)
        #expect(configuration.credentials == AWSCredentials(accessKeyID: "AKID", secretAccessKey: "S", sessionToken: "T"))
        #expect(configuration.region == "eu-west-1")
        #expect(configuration.endpoint?.absoluteString == "http://127.0.0.1:2")
    }

    @Test("a profile from the credentials and config files")
    func profile() throws {
        let configuration = try AWSConfiguration.resolve(
            service: "s3", environment: ["AWS_PROFILE": "reports", "AWS_REGION": ""],
            credentialsFile: "# keys\n[default]\naws_access_key_id=D\naws_secret_access_key=DS\n[reports]\naws_access_key_id = R\naws_secret_access_key = RS\n",
            configFile: "[profile reports]\nregion = eu-north-1\n")
        #expect(configuration.credentials.accessKeyID == "R" && configuration.credentials.secretAccessKey == "RS")
        #expect(configuration.region == "eu-north-1")
        #expect(configuration.endpoint == nil)
    }

    @Test("missing credentials or region: a clear error naming where it looked, no values")
    func missing() throws {
        let noKeys = try #require(throws: AWSConfigurationError.self) {
            try AWSConfiguration.resolve(service: "s3", environment: ["AWS_REGION": "x"], credentialsFile: nil, configFile: nil)
        }
        #expect(noKeys.description.contains("AWS_ACCESS_KEY_ID") && noKeys.description.contains("~/.aws/credentials"))
        #expect(noKeys.category == .badInput)
        let noRegion = try #require(throws: AWSConfigurationError.self) {
            try AWSConfiguration.resolve(service: "s3", environment: ["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "VERYSECRET"], credentialsFile: nil, configFile: nil)
        }
        #expect(noRegion.description.contains("AWS_REGION") && !noRegion.description.contains("VERYSECRET"))
    }
}
