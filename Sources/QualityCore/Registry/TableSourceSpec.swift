import ReportKit

/// One table a report reads: where it lives, the column types it declares and, for a text
/// file, its dialect. Written as a source string (`data/participant.csv`) or a mapping:
///
/// ```yaml
/// biospecimen:
///   path: data/biospecimen.csv
///   types: {age_at_event_days: integer, visible: boolean, shipped_on: date}
///   dialect: {delimiter: ";", header: true}
/// ```
public struct TableSourceSpec: Sendable, Hashable {
    public var source: DataSource
    /// Declared column types; the others are inferred.
    public var types: [String: ColumnType]
    /// The dialect a text file declares; `nil` when it is detected.
    public var dialect: DialectSpec?
    /// Where the spec starts in the reports file.
    public var location: SourceLocation

    public init(source: DataSource, types: [String: ColumnType] = [:], dialect: DialectSpec? = nil, location: SourceLocation) {
        self.source = source
        self.types = types
        self.dialect = dialect
        self.location = location
    }
}

/// A text file's declared dialect: either part may be left to detection.
public struct DialectSpec: Sendable, Hashable {
    /// The field delimiter, one ASCII byte (`,`, `;`, `|`, a tab written `"\t"`).
    public var delimiter: UInt8?
    /// Whether the first record is a header.
    public var header: Bool?

    public init(delimiter: UInt8? = nil, header: Bool? = nil) {
        self.delimiter = delimiter
        self.header = header
    }

    /// The dialect with the detected one's parts filled in where this one says nothing.
    public func applied(to detected: CSVDialect) -> CSVDialect {
        var dialect = detected
        if let delimiter { dialect.delimiter = delimiter }
        if let header { dialect.hasHeader = header }
        return dialect
    }
}
