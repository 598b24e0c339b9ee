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
    /// environment (PATH and HOME only), and waits for it.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = FixturePaths.packageRoot
        var base = ["PATH": "/usr/bin:/bin"]
        base["HOME"] = ProcessInfo.processInfo.environment["HOME"]
        process.environment = base.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain both pipes while the process runs so a large output cannot block it.
        let stdoutData = LockedData()
        let reader = Thread { stdoutData.set(out.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !stdoutData.isSet { usleep(1000) }
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData.value, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    private static func modified(_ url: URL) -> Date {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
