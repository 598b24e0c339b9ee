/// The type of a profiled column: what its values are read as.
///
/// Declared with `--types col=type` or a registry's `types:`; otherwise inferred from the
/// values by ``ColumnType/inferred(from:)``.
public enum ColumnType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// An optional sign and decimal digits, within `Int64`.
    case integer
    /// A decimal number: `[sign] digits [. digits] [e|E [sign] digits]` (also `.5`, `5.`).
    case number
    /// `true`/`false` in one of pandas' spellings: `True`, `TRUE`, `true`, `False`, `FALSE`, `false`.
    case boolean
    /// A calendar day, `YYYY-MM-DD`.
    case date
    /// An ISO 8601 instant: a date, `T` or a space, `HH:MM[:SS[.fraction]]`, an optional zone.
    case timestamp
    /// Anything else.
    case text

    public var description: String { rawValue }

    /// The type a column gets when it is not declared, from the forms all its non-missing
    /// values take. The first that holds wins: integer, number, boolean, date, timestamp
    /// (dates and timestamps mixed count as timestamps), else text. A column with no
    /// non-missing value is text (pandas would say float64: there is no number in it).
    public static func inferred(from forms: ValueForms) -> ColumnType {
        if forms.isEmpty { return .text }
        if forms == .integer { return .integer }
        if forms.isSubset(of: [.integer, .decimal]) { return .number }
        if forms == .boolean { return .boolean }
        if forms == .date { return .date }
        if forms.isSubset(of: [.date, .timestamp]) { return .timestamp }
        return .text
    }

    /// Whether a value of `form` can be read as this type.
    func accepts(_ form: ValueForms) -> Bool {
        switch self {
        case .integer: return form == .integer
        case .number: return form == .integer || form == .decimal
        case .boolean: return form == .boolean
        case .date: return form == .date
        case .timestamp: return form == .date || form == .timestamp
        case .text: return true
        }
    }
}

/// Which forms a column's values take: each value has exactly one (see ``ValueForm/of(_:)``),
/// a column collects the union.
public struct ValueForms: OptionSet, Sendable, Hashable, BitwiseCopyable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let integer = ValueForms(rawValue: 1 << 0)
    public static let decimal = ValueForms(rawValue: 1 << 1)
    public static let boolean = ValueForms(rawValue: 1 << 2)
    public static let date = ValueForms(rawValue: 1 << 3)
    public static let timestamp = ValueForms(rawValue: 1 << 4)
    public static let other = ValueForms(rawValue: 1 << 5)
}
