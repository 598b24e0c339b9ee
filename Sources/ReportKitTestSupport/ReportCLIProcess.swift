import Foundation

/// Runs the built `reportcli` executable as a child process, the way a user or cron does.
///
/// The binary is `$REPORTCLI` when set, else the newest `reportcli` under `.build/`
/// (`swift build` puts it there; `.ci/run` builds it before the tests).
public enum ReportCLIProcess {
    /// What a run printed and returned.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The executable, or a failure naming where it was looked for.
    public static func executable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["REPORTCLI"] { return URL(fileURLWithPath: path) }
        let build = FixturePaths.packageRoot.appendingPathComponent(".build")
        let candidates = ["debug", "release"].map { build.appendingPathComponent($0).appendingPathComponent("reportcli") }
        let found = candidates
            .filter { FileManager.default.isExecutableFile(atPath: $0.path) }
            .max { modified($0) < modified($1) }
        guard let found else {
            throw FixtureMissing(path: candidates.map(\.path).joined(separator: " or ") + " (run `swift build` first)")
        }
        return found
    }

    /// Runs `reportcli arguments…` in the package root with `environment` added to a clean
    /// environment (PATH and HOME only), `input` on its stdin, and waits for it (at most
    /// `timeout` seconds; then it is killed and the outcome's status is SIGKILL's).
    public static func run(_ arguments: [String], environment: [String: String] = [:], input: Data = Data(), timeout: Double = 120) throws -> Outcome {
        var base = ["PATH": "/usr/bin:/bin"]
        base["HOME"] = ProcessInfo.processInfo.environment["HOME"]
        let outcome = try ProcessRunner.run(
            try executable(), arguments, environment: .exactly(base.merging(environment) { $1 }),
            workingDirectory: FixturePaths.packageRoot, input: input, timeout: timeout)
        return Outcome(status: outcome.status, stdout: outcome.stdoutText, stderr: outcome.stderrText)
    }

    private static func modified(_ url: URL) -> Date {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
    }
}
