import Foundation
import QualityCore
import ReportAdapters
import ReportKit

/// `reportcli profile`: a table file (CSV, TSV, JSON Lines; local or S3) or a PostgreSQL
/// table or query → ``ProfileJob`` → the profile as JSON, or its summary rows as CSV.
struct ProfileCommand: Command {
    let name = "profile"
    let summary = "profile a table: each column's type, counts, top values and figures"
    let discussion = """
        Reads a CSV, TSV or JSON Lines file a chunk at a time and prints, per column: type, \
        count, missing, distinct, top and freq; for numbers mean, std (sample), min, p25, p50, \
        p75 (linear interpolation, as pandas) and max; for text the lengths; for dates and \
        timestamps min and max. The format comes from the name (.csv: delimiter detected; \
        .tsv, .tab; .jsonl, .ndjson), else from the first bytes. A CSV's first record names \
        the columns; an empty unquoted field is missing. JSON Lines columns are the union of \
        the objects' keys, in the order first seen (the file is read twice). Distinct counts \
        and quantiles are exact up to a memory limit, then estimated with their error bound \
        in the output; --exact never estimates. Past its first 4 MiB a table is profiled on \
        two cores, split by columns: one thread reads the rows, each adds its share of the \
        columns; the figures are those of one thread, figure for figure. A postgres:// URL with ?table=NAME or \
        ?query=SQL reads from PostgreSQL in a read-only transaction (password from the URL, \
        PGPASSWORD, ~/.pgpass or REPORTKIT_PG_PASSWORD).
        """

    static let data = OptionSpec.value(
        "data", "FILE|s3://BUCKET/KEY|postgres://…", help: "the table: a local file, an S3 object with credentials and region from the usual AWS places, or a PostgreSQL table or query", required: true)
    static let format = OptionSpec.value(
        "format", "json|csv", help: "json: the profile (sorted keys); csv: one summary row per column", default: ProfileOutputFormat.json.rawValue)
    static let types = OptionSpec.value(
        "types", "COL=TYPE,…", help: "declare column types (integer, number, boolean, date, timestamp, text); a value that is not its type is an error")
    static let exact = OptionSpec.flag("exact", help: "keep every distinct value: exact figures, memory grows with the distinct values")

    let options = [data, format, types, exact]
    let examples = [
        "reportcli profile --data Fixtures/quality/profile/people.csv",
        "reportcli profile --data s3://bucket/exports/orders.jsonl --format csv --types id=integer,placed=timestamp",
        "reportcli profile --data 'postgres://reader@db.example.org/clinic?sslmode=verify-full&sslrootcert=ca.pem&table=visits'",
    ]

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let location = try values.required(Self.data)
        let format = try Self.outputFormat(values)
        let declared = try Self.declaredTypes(values)
        let limits: ProfileLimits = values.isSet(Self.exact) ? .exact : .default
        let source = try await Self.table(location, values: values)
        do {
            // The output shows the most frequent value of each column, never the full list.
            let profile = try await ProfileJob.run(source, declared: declared, limits: limits, parts: .halves, valueCounts: .mostFrequent)
            return Self.outcome(profile, format: format)
        } catch let error as ObjectStoreError where error.kind == .notFound {
            throw ObjectStoreError(.notFound, "no such file: \(location)")
        }
    }

    /// The table `location` names (`--data` of `profile` and `check`): a PostgreSQL table or
    /// query, an S3 object, or a local file (CSV, TSV, JSON Lines).
    static func table(_ location: String, values: OptionValues) async throws -> any TableSource {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            let logger = Logger(handler: StandardErrorLogHandler(), minimumLevel: .info)
            return try Databases.postgresTable(PostgresURL(text: location), logger: logger)
        }
        let (store, key) = try Self.object(location, values: values)
        do {
            return try await TableFileFormat.source(store: store, key: key, displayName: location)
        } catch let error as ObjectStoreError where error.kind == .notFound {
            throw ObjectStoreError(.notFound, "no such file: \(location)")
        }
    }

    static func outcome(_ profile: TableProfile, format: ProfileOutputFormat) -> CommandOutcome {
        switch format {
        case .json:
            return CommandOutcome(output: profile.json)
        case .csv:
            return CommandOutcome(output: nil, text: CSVWriter.text([TableProfile.summaryHeader] + profile.summaryRows))
        }
    }

    /// The store and key of `location`: an S3 bucket and the key, or a file's directory and name.
    static func object(_ location: String, values: OptionValues) throws -> (any ObjectStore, ObjectKey) {
        if location.hasPrefix("s3://") {
            let rest = location.dropFirst(5)
            let bucket = rest.prefix { $0 != "/" }
            let keyText = String(rest.dropFirst(bucket.count + 1))
            guard !keyText.isEmpty else { throw values.problem(data, "needs an object key after the bucket: s3://BUCKET/KEY, got '\(location)'") }
            let logger = Logger(handler: StandardErrorLogHandler(), minimumLevel: .info)
            return (try Stores.objects("s3://\(bucket)", logger: logger), try ObjectKey(keyText))
        }
        let url = URL(fileURLWithPath: location)
        guard !location.hasSuffix("/"), !url.lastPathComponent.isEmpty else { throw values.problem(data, "names a directory, not a file: '\(location)'") }
        return try Stores.file(location)
    }

    static func outputFormat(_ values: OptionValues) throws(UsageError) -> ProfileOutputFormat {
        guard let text = values.value(format) else { return .json }
        guard let chosen = ProfileOutputFormat(rawValue: text) else { throw values.problem(format, "must be json or csv, got '\(text)'") }
        return chosen
    }

    /// `col=type,…` as declarations; a pair without `=`, an empty name, a name given twice
    /// or an unknown type is a usage error naming it.
    static func declaredTypes(_ values: OptionValues) throws(UsageError) -> [String: ColumnType] {
        guard let text = values.value(types), !text.isEmpty else { return [:] }
        var declared: [String: ColumnType] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let equals = pair.lastIndex(of: "=") else {
                throw values.problem(types, "needs COL=TYPE pairs separated by commas; '\(pair)' has no '='")
            }
            let column = String(pair[..<equals])
            let typeName = String(pair[pair.index(after: equals)...])
            guard !column.isEmpty else { throw values.problem(types, "has a type without a column name: '\(pair)'") }
            guard let type = ColumnType(rawValue: typeName.lowercased()) else {
                let known = ColumnType.allCases.map(\.rawValue).joined(separator: ", ")
                throw values.problem(types, "gives column '\(column)' the unknown type '\(typeName)' (known: \(known))")
            }
            guard declared.updateValue(type, forKey: column) == nil else {
                throw values.problem(types, "declares column '\(column)' twice")
            }
        }
        return declared
    }
}

/// What `reportcli profile` prints.
enum ProfileOutputFormat: String, Sendable, CaseIterable {
    case json
    case csv
}
