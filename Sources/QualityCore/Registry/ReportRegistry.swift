import ReportKit

/// A reports file, read and checked: its reports, in file order, and its warnings.
///
/// ```swift
/// let registry = try ReportRegistry.parse(bytes, file: "reports.yaml", base: ".")
/// registry.reports.map(\.folder.name)   // ["Table_Summary", "Consent_Codes"]
/// ```
///
/// Pure: it reads the bytes it is given and looks nothing up. Paths stay relative
/// (``RelativePath``); ``base`` is the reports file's folder, as the caller named it, for
/// the composition to resolve them against (``RelativePath/resolved(against:)``).
public struct ReportRegistry: Sendable, Hashable {
    /// The reports file, as messages name it.
    public var file: String
    /// The folder the file's relative paths start from.
    public var base: String
    public var reports: [ReportEntry]
    /// Reports without request metadata, reports reading a production source; in file order.
    public var warnings: [RegistryWarning]

    public init(file: String, base: String, reports: [ReportEntry], warnings: [RegistryWarning] = []) {
        self.file = file
        self.base = base
        self.reports = reports
        self.warnings = warnings
    }

    /// The report named `name`.
    public subscript(name: String) -> ReportEntry? {
        reports.first { $0.name == name }
    }

    /// How a reports file is written.
    public enum Format: Sendable, Hashable {
        case yaml, json

        /// By extension (`.json`; `.yaml`, `.yml`), else JSON when the first non-blank byte is `{`.
        public static func of(file: String, bytes: [UInt8]) -> Format {
            let lowered = file.lowercased()
            if lowered.hasSuffix(".json") { return .json }
            if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return .yaml }
            let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
            return first == UInt8(ascii: "{") ? .json : .yaml
        }
    }

    /// Reads and checks a reports file.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the file as messages should name it.
    ///   - base: the folder its relative paths start from (usually the file's own folder).
    ///   - format: YAML or JSON; by default from `file`'s extension (``Format/of(file:bytes:)``).
    ///   - customKinds: the kind names an embedder registered reports under.
    /// - Throws: ``RegistryError`` with every problem found, each located
    ///   (`file:line:col: error: registry: reports[2].tables.visits: …`). A YAML or JSON
    ///   syntax error is the one problem (stage `yaml` or `json`).
    public static func parse(_ bytes: [UInt8], file: String, base: String, format: Format? = nil, customKinds: Set<String> = []) throws(RegistryError) -> ReportRegistry {
        let root: RegistryNode
        do throws(ParseError) {
            switch format ?? Format.of(file: file, bytes: bytes) {
            case .yaml:
                root = try RegistryNode(YAML.parse(bytes))
            case .json:
                let value = try JSONReader.parse(bytes)
                // JSON is YAML flow text: read it again for the locations; if that reader
                // can't (a construct only JSON allows), the problems point at line 1.
                root = (try? RegistryNode(YAML.parse(bytes))) ?? RegistryNode(unlocated: value)
            }
        } catch {
            var problem = error.inFile(file)
            problem.sourceLine = problem.sourceLine.map(PostgresURL.redactingPasswords(in:))
            throw RegistryError(problems: [problem])
        }
        var parser = RegistryParser(bytes: bytes, file: file, customKinds: customKinds)
        let reports = parser.registry(root)
        guard parser.problems.isEmpty else {
            throw RegistryError(problems: parser.problems.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element))
        }
        return ReportRegistry(file: file, base: base, reports: reports, warnings: parser.warnings.sorted { $0.location < $1.location })
    }
}
