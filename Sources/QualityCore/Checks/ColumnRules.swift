/// A metric's configuration: which values count as missing, which as valid or invalid.
///
/// Missing: a `NULL` (an empty unquoted CSV field), a value in ``missingValues``, or a value
/// that ``missingRegex`` finds. Invalid: not missing, and either some valid rule fails (all
/// must hold together) or some invalid rule holds. Regexes search (match anywhere) unless
/// anchored.
public struct ColumnRules: Sendable, Hashable {
    public var missingValues: [ConfigValue] = []
    public var missingRegex: String?
    public var validValues: [ConfigValue]?
    public var invalidValues: [ConfigValue]?
    public var validRegex: String?
    public var invalidRegex: String?
    public var validMin: ConfigValue?
    public var validMax: ConfigValue?
    public var validLength: Int?
    public var validMinLength: Int?
    public var validMaxLength: Int?
    public var validFormat: ValidFormat?
    public var invalidFormat: ValidFormat?

    public init() {}

    /// Whether any valid or invalid rule is given.
    var hasValidity: Bool {
        validValues != nil || invalidValues != nil || validRegex != nil || invalidRegex != nil || validMin != nil
            || validMax != nil || validLength != nil || validMinLength != nil || validMaxLength != nil
            || validFormat != nil || invalidFormat != nil
    }

    /// The rules in a stable form for a metric's identity.
    var summary: String {
        var parts: [String] = []
        func list(_ values: [ConfigValue]) -> String { values.map(\.text).joined(separator: ", ") }
        if !missingValues.isEmpty { parts.append("missing values: \(list(missingValues))") }
        if let missingRegex { parts.append("missing regex: \(missingRegex)") }
        if let validValues { parts.append("valid values: \(list(validValues))") }
        if let invalidValues { parts.append("invalid values: \(list(invalidValues))") }
        if let validRegex { parts.append("valid regex: \(validRegex)") }
        if let invalidRegex { parts.append("invalid regex: \(invalidRegex)") }
        if let validMin { parts.append("valid min: \(validMin.text)") }
        if let validMax { parts.append("valid max: \(validMax.text)") }
        if let validLength { parts.append("valid length: \(validLength)") }
        if let validMinLength { parts.append("valid min length: \(validMinLength)") }
        if let validMaxLength { parts.append("valid max length: \(validMaxLength)") }
        if let validFormat { parts.append("valid format: \(validFormat.rawValue)") }
        if let invalidFormat { parts.append("invalid format: \(invalidFormat.rawValue)") }
        return parts.joined(separator: "; ")
    }
}

/// A value written in a configuration (`missing values: [N/A, 0]`, `valid min: 5`): its text,
/// read as the column's type when the check runs.
public struct ConfigValue: Sendable, Hashable {
    public var text: String
    /// Where it is in the checks file, for an error when it is not the column's type.
    public var line: Int
    public var column: Int

    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}
