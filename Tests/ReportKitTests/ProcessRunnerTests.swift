import Foundation
import ReportKitTestSupport
import Testing

@Suite("Process runner (test support)")
struct ProcessRunnerTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test("a child writing 10 MB to stderr and some stdout does not deadlock", .timeLimit(.minutes(1)))
    func fullPipes() throws {
        let outcome = try ProcessRunner.run(Self.shell, ["-c", "head -c 10485760 /dev/zero | tr '\\0' e >&2; head -c 3000000 /dev/zero | tr '\\0' o; echo done"], timeout: 50)
        #expect(!outcome.timedOut && outcome.status == 0)
        #expect(outcome.stderr.count == 10_485_760 && outcome.stderr.allSatisfy { $0 == UInt8(ascii: "e") })
        #expect(outcome.stdout.count == 3_000_005 && outcome.stdoutText.hasSuffix("odone\n"))
    }

    @Test("stdin input (larger than a pipe), environment and working directory reach the child")
    func inputEnvironmentDirectory() throws {
        let input = Data((0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let echoed = try ProcessRunner.run(URL(fileURLWithPath: "/bin/cat"), input: input, timeout: 50)
        #expect(echoed.stdout == input)
        let directory = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        let shown = try ProcessRunner.run(
            Self.shell, ["-c", "pwd; echo \"$REPORTKIT_PROBE\"; echo \"${HOME:-unset}\""],
            environment: .exactly(["REPORTKIT_PROBE": "a b", "PATH": "/usr/bin:/bin"]), workingDirectory: directory)
        #expect(shown.stdoutText == "\(directory.path)\na b\nunset\n")
        let inherited = try ProcessRunner.run(Self.shell, ["-c", "echo \"$REPORTKIT_PROBE:${PATH:+path}\""], environment: .inherited(adding: ["REPORTKIT_PROBE": "x"]))
        #expect(inherited.stdoutText == "x:path\n")
    }

    @Test("a child past its timeout is killed and says so", .timeLimit(.minutes(1)))
    func timeout() throws {
        let clock = ContinuousClock()
        var outcome: ProcessRunner.Outcome?
        let elapsed = try clock.measure { outcome = try ProcessRunner.run(Self.shell, ["-c", "echo started; exec sleep 30"], timeout: 0.5) }
        #expect(outcome?.timedOut == true && outcome?.stdoutText == "started\n")
        #expect(elapsed < .seconds(10))
        let failing = try ProcessRunner.run(Self.shell, ["-c", "echo oops >&2; exit 3"])
        #expect(failing.status == 3 && failing.stderrText == "oops\n" && !failing.timedOut)
    }
}
