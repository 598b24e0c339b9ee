import Foundation

/// Paths into the repository for tests: the `Fixtures/` tree and the package root.
public enum FixturePaths {
    /// The package root (the directory holding `Package.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ReportKitTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// `Fixtures/<relative>`.
    public static func fixture(_ relative: String) -> URL {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative)
    }

    /// The bytes of `Fixtures/<relative>`; fails the calling test with the path when absent.
    public static func data(_ relative: String) throws -> Data {
        let url = fixture(relative)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw FixtureMissing(path: url.path)
        }
    }

    /// The text of `Fixtures/<relative>` as UTF-8.
    public static func text(_ relative: String) throws -> String {
        String(decoding: try data(relative), as: UTF8.self)
    }
}

/// A fixture file the test expected is not there.
public struct FixtureMissing: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "fixture not found: \(path)" }
}
