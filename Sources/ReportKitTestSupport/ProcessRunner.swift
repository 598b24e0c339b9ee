import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a child process to its end and returns what it printed: the one way the test
/// helpers (``ReportCLIProcess``, ``MotoServer``) start programs.
///
/// stdout and stderr are drained at the same time, each on its own thread, and stdin is
/// written on a third, so a child that fills one pipe while the parent waits on another
/// cannot deadlock (a pipe holds 64 KiB on Linux). A child still running after `timeout`
/// seconds is killed (SIGKILL, which a child that inherited blocked signals cannot ignore)
/// and the outcome says so.
public enum ProcessRunner {
    /// How a run ended and what it printed.
    public struct Outcome: Sendable {
        /// The exit status, or the signal's number when killed by a signal.
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        /// `true` when the runner killed the child at the timeout.
        public var timedOut: Bool

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// What the child's environment is.
    public enum Environment: Sendable {
        /// This process's environment with these values added (or replaced).
        case inherited(adding: [String: String])
        /// Exactly these variables.
        case exactly([String: String])

        var variables: [String: String] {
            switch self {
            case .inherited(let extra): return ProcessInfo.processInfo.environment.merging(extra) { $1 }
            case .exactly(let variables): return variables
            }
        }
    }

    /// Runs `executable arguments…` in `workingDirectory` (default: this process's), with
    /// `input` on its stdin (default: none, stdin closed), and waits for it.
    public static func run(
        _ executable: URL, _ arguments: [String] = [], environment: Environment = .inherited(adding: [:]),
        workingDirectory: URL? = nil, input: Data = Data(), timeout: Double = 300
    ) throws -> Outcome {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment.variables
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        let stdout = Drain(stdoutPipe.fileHandleForReading)
        let stderr = Drain(stderrPipe.fileHandleForReading)
        let writer = Thread {
            let handle = stdinPipe.fileHandleForWriting
            if !input.isEmpty { try? handle.write(contentsOf: input) }
            try? handle.close()
        }
        writer.start()

        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        // A grandchild may keep a pipe open after the child is gone; do not wait for it forever.
        let grace = timedOut ? 2.0 : timeout
        return Outcome(
            status: process.terminationStatus, stdout: stdout.wait(seconds: grace), stderr: stderr.wait(seconds: grace), timedOut: timedOut)
    }

    /// A child that exits before reading all its input must not kill this process with
    /// SIGPIPE: the write fails instead.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Reads a pipe to its end on a thread of its own.
    private final class Drain: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            let thread = Thread { [self] in
                let all = handle.readDataToEndOfFile()
                lock.withLock { data = all }
                done.signal()
            }
            thread.start()
        }

        /// What was read, once the pipe ended (or what is there after `seconds`).
        func wait(seconds: Double) -> Data {
            _ = done.wait(timeout: .now() + seconds)
            return lock.withLock { data }
        }
    }
}
