/// How many parts ``ProfileJob`` reads a table in at once: one per core for a large file.
///
/// A source that can be cut (``PartitionableTableSource``: CSV and TSV files) and is at
/// least ``minimumBytes`` long is read in up to ``count`` parts, each profiled on its own
/// and merged in file order; anything else is read whole. The profile is the same either
/// way (figure for figure in exact mode; within the stated error bounds once sketched).
public struct ProfileParts: Sendable, Hashable {
    /// The most parts.
    public var count: Int
    /// The smallest source worth cutting, in bytes.
    public var minimumBytes: Int

    public init(count: Int, minimumBytes: Int) {
        precondition(count >= 1, "at least one part")
        self.count = count
        self.minimumBytes = minimumBytes
    }

    /// Below this a file is read whole: 64 MiB, a fraction of a second on one core.
    public static let defaultMinimumBytes = 64 << 20

    /// The whole table in one part.
    public static let one = ProfileParts(count: 1, minimumBytes: 0)

    /// One part per core (the caller counts them) for files of 64 MiB or more.
    public static func cores(_ cores: Int) -> ProfileParts {
        ProfileParts(count: max(1, cores), minimumBytes: defaultMinimumBytes)
    }

    /// Two parts for files of 64 MiB or more, on any machine: both cores of a two-core host
    /// (Lambda's, a small VM's), and the same figures wherever it runs, since each part's share
    /// of the exact budget (see ``ProfileJob``) does not depend on the core count.
    public static let halves = ProfileParts(count: 2, minimumBytes: defaultMinimumBytes)

    /// `count` parts whatever the size (tests; fewer when the file has fewer records).
    public static func always(_ count: Int) -> ProfileParts {
        ProfileParts(count: count, minimumBytes: 0)
    }
}
