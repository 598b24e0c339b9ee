import Foundation
import ReportKitTestSupport
import Testing

/// `scripts/release/lazy-curl.c`, the libcurl that `scripts/build-release` links into the fast
/// reportcli: curl's functions, loading libcurl.so.4 on the first call. Each test compiles the
/// shim with a small C program that calls it, as FoundationNetworking does, and runs that.
@Suite("scripts/release/lazy-curl.c")
struct LazyCurlTests {
    /// A C program calling the shim: whether libcurl is mapped before and after the first call,
    /// and one option of each argument type set and read back.
    static let driver = #"""
        #include <stdint.h>
        #include <stdio.h>
        #include <string.h>
        char *curl_version(void);
        void *curl_easy_init(void);
        int curl_easy_setopt(void *, int, ...);
        int curl_easy_getinfo(void *, int, ...);
        void curl_easy_cleanup(void *);
        static int mapped(void) {
            FILE *maps = fopen("/proc/self/maps", "r");
            char line[4096];
            int found = 0;
            while (maps && fgets(line, sizeof line, maps)) if (strstr(line, "/libcurl")) found = 1;
            if (maps) fclose(maps);
            return found;
        }
        int main(void) {
            printf("mapped before: %d\n", mapped());
            fflush(stdout);
            const char *version = curl_version();
            printf("version: %.8s\nmapped after: %d\n", version, mapped());
            void *easy = curl_easy_init();
            int url = curl_easy_setopt(easy, 10002, "http://127.0.0.1:9/x");   /* CURLOPT_URL: a pointer */
            int timeout = curl_easy_setopt(easy, 78, 7L);                     /* CURLOPT_CONNECTTIMEOUT: a long */
            int size = curl_easy_setopt(easy, 30115, (int64_t)12345);          /* CURLOPT_INFILESIZE_LARGE: an off_t */
            int unknown = curl_easy_setopt(easy, 9999, 1L);                    /* no such option */
            char *effective = NULL;
            int info = curl_easy_getinfo(easy, 0x100000 + 1, &effective);     /* CURLINFO_EFFECTIVE_URL */
            printf("codes: %d %d %d %d %d\neffective: %s\n", url, timeout, size, unknown, info, effective ? effective : "(null)");
            curl_easy_cleanup(easy);
            return 0;
        }
        """#

    /// Compiles the shim (loading `library`, or its default libcurl.so.4) with the driver and runs it.
    static func run(loading library: String? = nil) throws -> ProcessRunner.Outcome {
        let scratch = try ScratchDirectory()
        let driver = try scratch.file("driver.c", Self.driver)
        let program = scratch.url.appendingPathComponent("driver").path
        let shim = FixturePaths.packageRoot.appendingPathComponent("scripts/release/lazy-curl.c").path
        var arguments = ["clang", "-O2", "-fvisibility=hidden", "-Wall", "-Wextra", "-Werror", shim, driver, "-o", program]
        if let library { arguments.insert("-DLAZY_CURL_LIBRARY=\"\(library)\"", at: 1) }
        let compiled = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), arguments, timeout: 120)
        try #require(compiled.status == 0, "clang: \(compiled.stderrText)")
        return try ProcessRunner.run(URL(fileURLWithPath: program), timeout: 60)
    }

    @Test("libcurl is loaded at the first call, not before, and each argument type reaches it")
    func loadsOnFirstUse() throws {
        let outcome = try Self.run()
        #expect(outcome.status == 0, "\(outcome.stderrText)")
        #expect(outcome.stdoutText == """
            mapped before: 0
            version: libcurl/
            mapped after: 1
            codes: 0 0 0 48 0
            effective: http://127.0.0.1:9/x

            """, "CURLE_UNKNOWN_OPTION is 48")
    }

    @Test("a missing libcurl stops the process at the first call: one line naming it, exit 3")
    func missingLibrary() throws {
        let outcome = try Self.run(loading: "libcurl-absent.so.4")
        #expect(outcome.status == 3)
        #expect(outcome.stdoutText == "mapped before: 0\n")
        #expect(outcome.stderrText == """
            reportcli: error: HTTP needs libcurl, and libcurl-absent.so.4 could not be loaded: \
            libcurl-absent.so.4: cannot open shared object file: No such file or directory \
            (install libcurl4 or your system's libcurl package)

            """)
    }

    @Test("a library without the function called stops the process naming the function")
    func missingFunction() throws {
        // zlib, which libcurl itself needs, is there and has no curl functions.
        let outcome = try Self.run(loading: "libz.so.1")
        #expect(outcome.status == 3)
        #expect(outcome.stderrText == """
            reportcli: error: HTTP needs libcurl, and the loaded libz.so.1 has no curl_version \
            (install libcurl4 or your system's libcurl package)

            """)
    }

    /// The fast reportcli, when `scripts/build-release` has made it here (it needs no libcurl at start).
    static var fastBinary: URL { FixturePaths.packageRoot.appendingPathComponent(".build-static/release/reportcli") }
    static var fastBinaryBuilt: Bool {
        if let elf = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["readelf", "-d", fastBinary.path], timeout: 60),
           elf.status == 0, !elf.stdoutText.contains("[libcurl.so") {
            return true
        }
        print("notice: no .build-static/release/reportcli from scripts/build-release; skipping its HTTP check")
        return false
    }

    @Test("the fast reportcli loads no libcurl for --version and syncs over loopback HTTP", .enabled(if: fastBinaryBuilt))
    func fastBinaryHTTP() throws {
        let script = FixturePaths.packageRoot.appendingPathComponent("scripts/release/check-http")
        let outcome = try ProcessRunner.run(script, [Self.fastBinary.path], workingDirectory: FixturePaths.packageRoot, timeout: 120)
        #expect(outcome.status == 0, "\(outcome.stdoutText)\(outcome.stderrText)")
        #expect(outcome.stdoutText.contains("loaded libcurl.so.4 and stored the file's"), "\(outcome.stdoutText)")
    }
}
