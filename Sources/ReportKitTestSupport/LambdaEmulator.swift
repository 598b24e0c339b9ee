import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The AWS Lambda Runtime Interface Emulator (`aws-lambda-rie`, from the `aws-sam-cli`
/// wheel), found through `REPORTKIT_LAMBDA_RIE` (`.ci/steps/lambda.sh` fetches it). Outside
/// CI, tests that need it are skipped with a printed notice; in CI (`REPORTKIT_CI=1`) its
/// absence is a failure.
///
/// One emulator runs one function: `bootstrap` (with `handler` as its argument and
/// `_HANDLER`), started on the first invocation and kept for the next ones, as Lambda does.
public final class LambdaEmulator: @unchecked Sendable {
    public static var executable: String? { ProcessInfo.processInfo.environment["REPORTKIT_LAMBDA_RIE"] }

    /// Whether tests that need the emulator should run: it is there, or CI requires it.
    public static var shouldRun: Bool {
        if executable != nil || ProcessInfo.processInfo.environment["REPORTKIT_CI"] == "1" { return true }
        print("notice: REPORTKIT_LAMBDA_RIE is not set; skipping the Lambda emulator tests (.ci/steps/lambda.sh fetches it)")
        return false
    }

    /// The emulator's invoke endpoint.
    public let invokeURL: URL
    private let process: Process
    private let logFile: URL

    /// Starts the emulator on two free loopback ports (its own and the Runtime API's) with
    /// `environment` added to this process's, and waits until it listens.
    /// - Parameter timeout: the function's time-out in seconds (`AWS_LAMBDA_FUNCTION_TIMEOUT`).
    public init(bootstrap: URL, handler: String, environment: [String: String] = [:], timeout: Int = 60, workingDirectory: URL = FixturePaths.packageRoot) async throws {
        guard let executable = Self.executable else { throw FixtureMissing(path: "the Lambda emulator: set REPORTKIT_LAMBDA_RIE (.ci/steps/lambda.sh fetches it)") }
        let ports = try (Self.freePort(), Self.freePort())
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("rie-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--runtime-interface-emulator-address", "127.0.0.1:\(ports.0)", "--runtime-api-address", "127.0.0.1:\(ports.1)",
            bootstrap.path, handler,
        ]
        var variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        variables["AWS_LAMBDA_FUNCTION_TIMEOUT"] = String(timeout)
        process.environment = variables
        process.currentDirectoryURL = workingDirectory
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        invokeURL = URL(string: "http://127.0.0.1:\(ports.0)/2015-03-31/functions/function/invocations")!
        for _ in 0..<100 {
            if Self.accepts(port: ports.0) { return }
            guard process.isRunning else { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        stop()
        throw ScriptFailure(description: "aws-lambda-rie did not start on port \(ports.0): \(self.log)")
    }

    deinit { stop() }

    /// What the emulator printed, the runtime's own standard output and error included.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Invokes the function with `event` and returns the answer's body (a response, or the
    /// error document `{"errorMessage", "errorType"}`, which the emulator also answers 200).
    public func invoke(_ event: String, timeout: Double = 120) async throws -> String {
        var request = URLRequest(url: invokeURL, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(event.utf8)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, _) = try await session.data(for: request)
        return String(decoding: data, as: UTF8.self)
    }

    /// Stops the emulator and the runtime it started (SIGKILL: the test runner's blocked
    /// signals are inherited, so SIGTERM would not reach them).
    public func stop() {
        guard process.isRunning else { return }
        let children = Self.children(of: process.processIdentifier)
        kill(process.processIdentifier, SIGKILL)
        for child in children { kill(child, SIGKILL) }
        process.waitUntilExit()
    }

    /// The processes whose parent is `pid`, from `/proc/*/stat`.
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let candidate = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid ? candidate : nil
        }
    }

    private static func freePort() throws -> Int {
        let probe = try LoopbackHTTPServer()
        defer { probe.stop() }
        return probe.port
    }

    private static func accepts(port: Int) -> Bool {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { return false }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
