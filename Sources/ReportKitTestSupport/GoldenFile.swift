import Foundation

/// Compares text to a committed golden file under `Fixtures/`.
///
/// With `RECORD_GOLDENS=1` in the environment the file is (re)written instead and the
/// check fails, so a recording run never passes by accident; commit the new file on purpose.
public enum GoldenFile {
    /// `nil` when `actual` equals the file, else a message with the first differing line.
    public static func mismatch(_ actual: String, golden relative: String) throws -> String? {
        let url = FixturePaths.fixture(relative)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            return "recorded \(relative); unset RECORD_GOLDENS and run again"
        }
        let expected = try FixturePaths.text(relative)
        return difference(actual, expected, name: relative)
    }

    /// `nil` when equal, else where the two texts first differ, line by line.
    public static func difference(_ actual: String, _ expected: String, name: String) -> String? {
        guard actual != expected else { return nil }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of text>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of text>"
            if got != want {
                return "\(name): line \(index + 1) differs\n  expected: \(want)\n  actual:   \(got)"
            }
        }
        return "\(name): texts differ in line endings"
    }
}
