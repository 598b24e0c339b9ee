import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The moto server that `.ci/run` starts (S3 and DynamoDB on 127.0.0.1), found through
/// `REPORTKIT_MOTO_URL`. Outside CI, tests that need it are skipped with a printed notice;
/// in CI (`REPORTKIT_CI=1`) its absence is a failure.
public enum MotoServer {
    public static var url: URL? {
        ProcessInfo.processInfo.environment["REPORTKIT_MOTO_URL"].flatMap(URL.init(string:))
    }

    /// Whether tests that need moto should run: it is there, or CI requires it.
    public static var shouldRun: Bool {
        if url != nil || ProcessInfo.processInfo.environment["REPORTKIT_CI"] == "1" { return true }
        print("notice: REPORTKIT_MOTO_URL is not set; skipping the moto integration tests (.ci/run starts moto)")
        return false
    }

    /// The server's URL, or a failure saying how to get one.
    public static func require() throws -> URL {
        guard let url else { throw FixtureMissing(path: "a moto server: set REPORTKIT_MOTO_URL (.ci/run starts one)") }
        return url
    }

    /// The environment a child process (reportcli, boto3) needs to use moto.
    public static func environment(_ url: URL) -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing-secret-key", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": url.absoluteString,
        ]
    }

    /// Runs `python3 script arguments…` with the moto environment; returns its stdout, or
    /// throws with its stderr.
    public static func python(_ script: URL, _ arguments: [String], url: URL) throws -> String {
        try python(script, arguments, environment: environment(url))
    }

    /// Runs `python3 [script] arguments…` with `environment` added; its stdout, or a failure
    /// with its stderr.
    static func python(_ script: URL?, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let outcome = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + (script.map { [$0.path] } ?? []) + arguments,
            environment: .inherited(adding: environment), timeout: 300)
        guard outcome.status == 0, !outcome.timedOut else {
            let how = outcome.timedOut ? "timed out" : "failed"
            throw ScriptFailure(description: "\(script?.lastPathComponent ?? "python3") \(how): \(outcome.stderrText)")
        }
        return outcome.stdoutText
    }
}

public struct ScriptFailure: Error, CustomStringConvertible {
    public var description: String
}

extension MotoServer {
    /// Starts a moto server of the test's own (on a free loopback port) with `environment`
    /// added, and waits until it answers. Stop it with SIGKILL: it inherits the test runner's
    /// blocked signals, so `terminate()` does not reach it.
    public static func startPrivate(environment: [String: String]) async throws -> (process: Process, url: URL) {
        let probe = try LoopbackHTTPServer()
        let port = probe.port
        probe.stop()
        // The interpreter itself, not a wrapper (pyenv's shim forks), so that terminating the
        // process stops the server.
        let interpreter = try python(nil, ["-c", "import sys; print(sys.executable)"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let url = URL(string: "http://127.0.0.1:\(port)")!
        for _ in 0..<100 {
            if let (_, response) = try? await URLSession.shared.data(from: url.appendingPathComponent("moto-api/")),
               (response as? HTTPURLResponse)?.statusCode == 200 {
                return (process, url)
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        kill(process.processIdentifier, SIGKILL)
        throw ScriptFailure(description: "moto_server did not start on port \(port)")
    }
}
