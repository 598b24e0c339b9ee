/// `freshness(c) < 1d2h`, or `freshness(c)` with `warn: when > 1h` / `fail: when > 1d`:
/// now minus the column's latest value (a date counts as the last microsecond of its day).
///
/// The line form fails when freshness is greater than the limit (equal passes). A zone fails
/// or warns when freshness is greater than its limit (`when >`), or at least it (`when >=`).
public struct FreshnessCheck: Sendable, Hashable {
    public var column: String
    /// The instant freshness is measured against, when the check names a variable
    /// (`freshness(ts, MYNOW)`), in microseconds since 1970 UTC; `nil` = the run's now.
    public var now: Int64?
    public var fail: FreshnessLimit?
    public var warn: FreshnessLimit?

    public init(column: String, now: Int64?, fail: FreshnessLimit?, warn: FreshnessLimit?) {
        self.column = column
        self.now = now
        self.fail = fail
        self.warn = warn
    }
}

/// A freshness limit: a duration in microseconds, and whether reaching it is already bad.
public struct FreshnessLimit: Sendable, Hashable, CustomStringConvertible {
    public var micros: Int64
    public var inclusive: Bool
    /// As written: `1d2h`.
    public var text: String

    public init(micros: Int64, inclusive: Bool, text: String) {
        self.micros = micros
        self.inclusive = inclusive
        self.text = text
    }

    func exceeded(by freshness: Int64) -> Bool { inclusive ? freshness >= micros : freshness > micros }

    public var description: String { (inclusive ? ">= " : "> ") + text }

    /// `1d2h30m15s`: numbers each followed by a unit (`d h m s`), added; spaces are not allowed.
    static func duration(_ text: String) -> Int64? {
        var total: Int64 = 0
        var number: Int64?
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                let (times10, overflow) = (number ?? 0).multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                number = times10 + Int64(digit)
                continue
            }
            let unit: Int64
            switch character {
            case "d": unit = 86_400_000_000
            case "h": unit = 3_600_000_000
            case "m": unit = 60_000_000
            case "s": unit = 1_000_000
            default: return nil
            }
            guard let value = number else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            total += product
            number = nil
        }
        guard number == nil, !text.isEmpty else { return nil }
        return total
    }
}
