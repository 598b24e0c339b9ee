/// A column's type as the server names it by OID in a `RowDescription` (the built-in types'
/// fixed OIDs, `pg_type.h`), and the ReportKit type it is profiled and checked as.
public struct PostgresType: Sendable, Hashable {
    public let oid: UInt32

    public init(oid: UInt32) { self.oid = oid }

    static let boolean = PostgresType(oid: 16)
    static let real = PostgresType(oid: 700)
    static let doublePrecision = PostgresType(oid: 701)

    /// PostgreSQL's name for the type (`integer`, `timestamp with time zone`), or `oid N` for
    /// a type this table does not know (an extension's, an enum, an array).
    public var name: String {
        Self.names[oid].map { $0.name } ?? "oid \(oid)"
    }

    /// The ReportKit type name (`integer`, `number`, `boolean`, `date`, `timestamp`, `text`):
    /// `numeric` and the floats are numbers, both timestamps are timestamps, `uuid`, `json`,
    /// `jsonb` and every other type are text.
    public var reportKitName: String {
        Self.names[oid].map { $0.reportKit } ?? "text"
    }

    private static let names: [UInt32: (name: String, reportKit: String)] = [
        16: ("boolean", "boolean"), 17: ("bytea", "text"), 18: ("\"char\"", "text"), 19: ("name", "text"),
        20: ("bigint", "integer"), 21: ("smallint", "integer"), 23: ("integer", "integer"), 25: ("text", "text"),
        26: ("oid", "integer"), 114: ("json", "text"), 700: ("real", "number"), 701: ("double precision", "number"),
        790: ("money", "text"), 869: ("inet", "text"), 1042: ("character", "text"), 1043: ("character varying", "text"),
        1082: ("date", "date"), 1083: ("time without time zone", "text"), 1114: ("timestamp without time zone", "timestamp"),
        1184: ("timestamp with time zone", "timestamp"), 1186: ("interval", "text"), 1266: ("time with time zone", "text"),
        1700: ("numeric", "number"), 2950: ("uuid", "text"), 3802: ("jsonb", "text"),
    ]
}
