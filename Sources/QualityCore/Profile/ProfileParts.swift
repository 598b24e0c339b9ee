/// How many threads ``ProfileJob`` profiles a table on: one per core for a large table.
///
/// Past a sixteenth of ``minimumBytes`` of cells read, the columns are split between up to
/// ``count`` threads (``ColumnSplit``: the reading thread adds some, the others the rest,
/// batch by batch), from any source; a smaller table is profiled on the reading thread
/// alone. The profile is the same either way, figure for figure, in exact and in sketch mode.
public struct ProfileParts: Sendable, Hashable {
    /// The most threads.
    public var count: Int
    /// Sixteen times the cells' bytes after which the columns are split.
    public var minimumBytes: Int

    public init(count: Int, minimumBytes: Int) {
        precondition(count >= 1, "at least one part")
        self.count = count
        self.minimumBytes = minimumBytes
    }

    /// 64 MiB: the columns are split past 4 MiB of cells, a small fraction of a second on one core.
    public static let defaultMinimumBytes = 64 << 20

    /// The whole table in one part.
    public static let one = ProfileParts(count: 1, minimumBytes: 0)

    /// One thread per core (the caller counts them).
    public static func cores(_ cores: Int) -> ProfileParts {
        ProfileParts(count: max(1, cores), minimumBytes: defaultMinimumBytes)
    }

    /// Two threads on any machine: both cores of a two-core host (Lambda's, a small VM's); the
    /// figures are the same wherever it runs, since the split changes none.
    public static let halves = ProfileParts(count: 2, minimumBytes: defaultMinimumBytes)

    /// `count` threads from the first row (tests; at most one per column).
    public static func always(_ count: Int) -> ProfileParts {
        ProfileParts(count: count, minimumBytes: 0)
    }
}
