/// When a profile stops keeping every distinct value and switches a column to sketches.
///
/// Exact mode keeps each column's distinct values with their counts: in a value table (a
/// 16-byte entry, 23–46 bytes of hash slots and, past 8 bytes, the value's bytes each, plus
/// growth slack), or, for a declared integer, number, date or timestamp column whose values
/// are mostly distinct, one 8-byte key per cell (``TypedKeys``, past ``typedKeysAfter``),
/// from which every figure is computed exactly. A column switches to sketches when it holds
/// more than ``exactDistinctPerColumn`` distinct values (a keyed column: keys), or when the
/// whole table's exact values pass ``exactBytes`` (then the column holding most goes first,
/// until the table is under the budget again). A sketched column's figures say so (see
/// ``Figure``).
///
/// When the table's rows are about known before it is read (a file, an object), the budget
/// also looks ahead once, a sixteenth of the way in (``BudgetProjection``), and sketches then
/// the columns that would pass it by the last row (``sketchesEarly``).
///
/// Measured on the 10M-row peers file (`reportkit-bench peers-table`, 997 MB, 8 columns):
/// `id`, `amount` and `created_at` keyed (128 MiB of keys each, as the buffers double) stay
/// exact beside the small tables of the other columns; the 9.5M distinct texts of `note`
/// would pass the 768 MiB budget and are sketched at row 655,360, when the look ahead sees
/// it; 379 MiB peak for the whole process on one thread (855 MiB when `note` filled half the
/// budget first). Finishing a keyed column sorts its keys in place with one spare buffer of
/// their size.
public struct ProfileLimits: Sendable, Hashable {
    /// Distinct values one column may hold exactly.
    public var exactDistinctPerColumn: Int
    /// Bytes all columns' exact values may take together.
    public var exactBytes: Int
    /// HyperLogLog precision p (2^p one-byte registers): 16 gives a 0.41% standard error.
    public var distinctPrecision: Int
    /// KLL's k: the rank error shrinks about as 1/k.
    public var quantileK: Int
    /// Misra–Gries capacity: counts may be low by at most n / (capacity + 1).
    public var frequentCapacity: Int
    /// Distinct values past which a declared integer, number, date or timestamp column whose
    /// distinct values are more than a quarter of its cells keeps one 8-byte key per cell
    /// instead of its value table (``TypedKeys``; still exact). Its cells then count against
    /// ``exactDistinctPerColumn`` as distinct values.
    public var typedKeysAfter: Int
    /// Whether a profile that knows about how many rows its table has sketches, a sixteenth
    /// of the way in, the columns that at that rate would pass ``exactBytes`` by the end
    /// (``BudgetProjection``), rather than only once they pass it.
    public var sketchesEarly: Bool

    public init(
        exactDistinctPerColumn: Int = 10_000_000, exactBytes: Int = 768 << 20,
        distinctPrecision: Int = 16, quantileK: Int = 512, frequentCapacity: Int = 1024,
        typedKeysAfter: Int = 1 << 16, sketchesEarly: Bool = true
    ) {
        self.exactDistinctPerColumn = exactDistinctPerColumn
        self.exactBytes = exactBytes
        self.distinctPrecision = distinctPrecision
        self.quantileK = quantileK
        self.frequentCapacity = frequentCapacity
        self.typedKeysAfter = typedKeysAfter
        self.sketchesEarly = sketchesEarly
    }

    /// The defaults.
    public static let `default` = ProfileLimits()

    /// Never switch to sketches (`--exact`): memory grows with the distinct values.
    public static let exact = ProfileLimits(exactDistinctPerColumn: .max, exactBytes: .max)
}
