import Foundation
import ReportKitTestSupport
import Testing

/// `scripts/lambda-abi-check`, the gate `scripts/package-lambda` puts on the bootstrap: a binary
/// that needs a glibc newer than provided.al2023's, or a library that image lacks, fails.
@Suite("scripts/lambda-abi-check")
struct LambdaABICheckTests {
    static func check(_ arguments: [String]) throws -> ProcessRunner.Outcome {
        let script = FixturePaths.packageRoot.appendingPathComponent("scripts/lambda-abi-check")
        return try ProcessRunner.run(script, arguments, workingDirectory: FixturePaths.packageRoot, timeout: 60)
    }

    /// The glibc this test runs on, from the process's own mappings: a file that needs no
    /// library but the dynamic loader, and no glibc version newer than its own.
    static func loadedLibc() throws -> String {
        // Read to the end: /proc files have no size to read up to.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/maps"))
        defer { try? handle.close() }
        let maps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        let path = maps.split(separator: "\n").compactMap { $0.split(separator: " ").last.map(String.init) }
            .first { $0.hasSuffix("/libc.so.6") }
        return try #require(path, "no libc.so.6 in /proc/self/maps")
    }

    @Test("a glibc-only library passes under its own version as the limit, naming what it needs")
    func passes() throws {
        let libc = try Self.loadedLibc()
        let getconf = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/getconf"), ["GNU_LIBC_VERSION"], timeout: 30)
        let version = try #require(getconf.stdoutText.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let outcome = try Self.check(["--glibc", version, libc])
        #expect(outcome.status == 0, "\(outcome.stdoutText)\(outcome.stderrText)")
        #expect(outcome.stdoutText.hasPrefix("\(libc): needs ld-linux-x86-64.so.2"), "\(outcome.stdoutText)")
    }

    @Test("a glibc version over the limit fails, naming the version and its symbols")
    func glibcTooNew() throws {
        let libc = try Self.loadedLibc()
        // libc.so.6 needs GLIBC_2.2.5 and later of ld-linux-x86-64.so.2 (__libc_stack_end, __tls_get_addr).
        let outcome = try Self.check(["--glibc", "2.2", libc])
        #expect(outcome.status == 1)
        let line = try #require(outcome.stderrText.split(separator: "\n").first { $0.contains("needs GLIBC_2.") }, "\(outcome.stderrText)")
        #expect(line.hasPrefix("\(libc): error: needs GLIBC_2.") && line.contains("(newer than GLIBC_2.2) for: "), "\(line)")
        #expect(!line.hasSuffix("for: ?"), "the symbols are not named: \(line)")
    }

    @Test("a library provided.al2023 lacks fails: the debug reportcli needs the Swift runtime's shared libraries")
    func libraryMissing() throws {
        let reportcli = try ReportCLIProcess.executable().path
        let outcome = try Self.check([reportcli])
        #expect(outcome.status == 1)
        #expect(outcome.stderrText.contains("\(reportcli): error: needs libswiftCore.so, not one of the libraries relied on in provided.al2023"), "\(outcome.stderrText)")
    }

    @Test("a missing file, a non-ELF file and a bad option")
    func badInput() throws {
        let missing = try Self.check(["Fixtures/no-such-binary"])
        #expect(missing.status == 1 && missing.stderrText.contains("Fixtures/no-such-binary: no such file"))
        let text = try Self.check(["Fixtures/slips/e2e_expected.json"])
        #expect(text.status == 1 && text.stderrText.contains("Fixtures/slips/e2e_expected.json: not an ELF file"))
        let option = try Self.check(["--glibcc", "2.34"])
        #expect(option.status == 2 && option.stderrText.contains("unknown option '--glibcc'"))
    }

    /// The packaged bootstrap, when `scripts/package-lambda` has made one here: it must need no
    /// glibc newer than Debian 11's 2.31 (what `--verify` runs it on), so none over 2.34.
    static var bootstrap: URL { FixturePaths.packageRoot.appendingPathComponent(".build/lambda/bootstrap") }
    static var bootstrapBuilt: Bool {
        if FileManager.default.fileExists(atPath: bootstrap.path) { return true }
        print("notice: no .build/lambda/bootstrap; skipping its check (scripts/package-lambda makes it)")
        return false
    }

    @Test("the packaged bootstrap needs glibc 2.31 at most and no libstdc++", .enabled(if: bootstrapBuilt))
    func packagedBootstrap() throws {
        let outcome = try Self.check(["--glibc", "2.31", Self.bootstrap.path])
        #expect(outcome.status == 0, "\(outcome.stdoutText)\(outcome.stderrText)")
        #expect(!outcome.stdoutText.contains("libstdc++") && !outcome.stdoutText.contains("GLIBCXX"), "\(outcome.stdoutText)")
    }
}
