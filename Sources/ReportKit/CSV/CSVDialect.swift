/// How a CSV file is written: the byte between fields, the byte that quotes a field, and
/// whether the first record names the columns.
///
/// Quoting follows RFC 4180: a field that starts with `quote` runs to the next lone `quote`;
/// inside it, a doubled quote stands for one and delimiters and line breaks are text. A
/// quote inside an unquoted field is an ordinary byte (as pandas, polars and DuckDB read it).
public struct CSVDialect: Sendable, Hashable, CustomStringConvertible {
    /// The byte between fields: `,`, `;`, a tab or `|`.
    public var delimiter: UInt8
    /// The byte that quotes a field, usually `"`.
    public var quote: UInt8
    /// `true` when the first record is the header (column names), not data.
    public var hasHeader: Bool

    public init(delimiter: UInt8, quote: UInt8 = UInt8(ascii: "\""), hasHeader: Bool = true) {
        precondition(delimiter != quote && ![0x0A, 0x0D].contains(delimiter) && ![0x0A, 0x0D].contains(quote),
                     "a CSV delimiter and quote must differ from each other and from line breaks")
        self.delimiter = delimiter
        self.quote = quote
        self.hasHeader = hasHeader
    }

    /// `;`-separated with a header: Oslo's statistics files, and spreadsheets in locales
    /// whose decimal mark is a comma.
    public static let semicolon = CSVDialect(delimiter: UInt8(ascii: ";"))
    /// RFC 4180: `,`-separated with a header.
    public static let rfc4180 = CSVDialect(delimiter: UInt8(ascii: ","))
    /// Tab-separated with a header (quotes as in RFC 4180, as PostgreSQL's CSV mode and
    /// spreadsheets write them).
    public static let tsv = CSVDialect(delimiter: 0x09)

    /// The same dialect with or without a header record.
    public func withHeader(_ hasHeader: Bool) -> CSVDialect {
        var copy = self
        copy.hasHeader = hasHeader
        return copy
    }

    public var description: String {
        let name: String
        switch delimiter {
        case 0x09: name = "tab"
        case UInt8(ascii: ","): name = "comma"
        case UInt8(ascii: ";"): name = "semicolon"
        default: name = "'\(Character(Unicode.Scalar(delimiter)))'"
        }
        return "\(name)-separated\(hasHeader ? ", with a header" : ", no header")"
    }
}
