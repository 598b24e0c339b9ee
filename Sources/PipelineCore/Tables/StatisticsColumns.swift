/// Which columns of a statistics file a function reads, and as what: the year (`aar`, or
/// `date`) and the place columns always; ``keys`` as text; ``numbers`` as numbers. Every other
/// column is skipped unread, whatever it holds: real files carry columns a function does not
/// use (text such as `aldersgruppe_5_aar` in a file another function groups by, or counts
/// nobody shows), and they must not make it fail.
public struct StatisticsColumns: Sendable, Hashable {
    /// Text columns (`kjonn`, `botid`); an empty field is `""`, a column the file lacks is
    /// absent from ``StatisticsRow/keys``.
    public var keys: Set<String>
    /// The columns read as numbers; a field there that is not one is bad input.
    public var numbers: NumberColumns

    public init(keys: Set<String> = [], numbers: NumberColumns = .everyOther) {
        self.keys = keys
        self.numbers = numbers
    }
}

/// The columns of a file read as numbers.
public enum NumberColumns: Sendable, Hashable {
    /// Every column that is not the year, a place or a key (tables written for one function,
    /// tests).
    case everyOther
    /// The named columns, and with `ages` every column named by a whole number (`0` … `120`).
    case only(Set<String>, ages: Bool)

    /// Every column named by a whole number: the age columns of the population tables.
    public static let ages = NumberColumns.only([], ages: true)

    /// The named columns.
    public static func named(_ names: Set<String>) -> NumberColumns { .only(names, ages: false) }

    /// `true` when `name` is read as a number (given it is not the year, a place or a key).
    public func contains(_ name: String) -> Bool {
        switch self {
        case .everyOther: return true
        case .only(let names, let ages): return names.contains(name) || (ages && !name.isEmpty && name.utf8.allSatisfy { $0 &- 0x30 < 10 })
        }
    }
}
