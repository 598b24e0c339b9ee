import QualityCore
import ReportKit
import ReportKitTestSupport

/// Reads registry fixtures the way the CLI does: bytes in, the file named as the user typed it.
enum RegistryFixture {
    static func parse(_ relative: String, customKinds: Set<String> = []) throws -> ReportRegistry {
        let bytes = Array(try FixturePaths.data(relative))
        return try ReportRegistry.parse(bytes, file: "Fixtures/\(relative)", base: "Fixtures/quality", customKinds: customKinds)
    }

    /// The problems' one-line summaries, or a failure when the file parses.
    static func problems(_ relative: String) throws -> [String] {
        do {
            _ = try parse(relative)
            return []
        } catch let error as RegistryError {
            return error.problems.map(\.summary)
        }
    }

    static func parse(text: String, customKinds: Set<String> = []) throws(RegistryError) -> ReportRegistry {
        try ReportRegistry.parse(Array(text.utf8), file: "r.yaml", base: ".", customKinds: customKinds)
    }

    static func problems(text: String) -> [String] {
        do {
            _ = try parse(text: text)
            return []
        } catch {
            return error.problems.map(\.summary)
        }
    }
}
