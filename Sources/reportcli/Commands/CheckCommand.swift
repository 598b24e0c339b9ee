import Foundation
import QualityCore
import ReportAdapters
import ReportKit

/// `reportcli check`: a SodaCL checks file and the datasets it names → ``CheckRun`` → each
/// check's outcome as JSON; exit 1 when any check fails (or could not be measured).
struct CheckCommand: Command {
    let name = "check"
    let summary = "run data quality checks written in SodaCL (Soda Core's YAML) on tables"
    let discussion = """
        Reads a checks file written in SodaCL, Soda Core's YAML (the subset in the README), \
        reads each dataset once (CSV, TSV or JSON Lines; local or S3) and prints every check \
        with its dataset, text, line, outcome (pass, warn, fail or error), measured value, \
        threshold and up to 10 failing rows with their line numbers, then a summary. A check \
        that cannot be measured (a column the data lacks, the average of no values, a change \
        check without an earlier run) is an error result with the reason; the others go on. \
        The output's metrics are what change checks read back from --history in a later run. \
        Exit 0 when every check passes or warns, 1 when any fails or is an error, 2 for a \
        bad checks file (FILE:LINE:COL, the check and what is wrong), 3 when a dataset could \
        not be read.
        """

    static let checks = OptionSpec.value("checks", "FILE", help: "the SodaCL checks file", required: true)
    static let data = OptionSpec.repeatable(
        "data", "NAME=FILE|s3://BUCKET/KEY|postgres://…", help: "a dataset the checks name ('checks for NAME'): a table file, an S3 object, or a PostgreSQL table or query; give one per dataset", required: true)
    static let types = OptionSpec.value(
        "types", "NAME.COL=TYPE,…", help: "declare column types (integer, number, boolean, date, timestamp, text); undeclared columns are text, read as numbers or instants where a metric needs them")
    static let now = OptionSpec.value("now", "ISO-8601", help: "the time freshness is measured against (the NOW variable; default: the clock)")
    static let variable = OptionSpec.repeatable("var", "KEY=VALUE", help: "a variable for ${KEY} in the checks file, or for freshness(c, KEY)")
    static let history = OptionSpec.repeatable(
        "history", "FILE", help: "the output of an earlier 'reportcli check' run, for change checks; give several for 'change avg last N'")

    let options = [checks, data, types, now, variable, history]
    let examples = [
        "reportcli check --checks Fixtures/quality/checks/checks/thresholds.yml --data orders=Fixtures/quality/checks/data/orders.csv --var MIN_ROWS=12",
        "reportcli check --checks checks.yml --data orders=s3://bucket/orders.csv --types orders.amount=number --history yesterday.json",
    ]

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let path = try values.required(Self.checks)
        let clock = try Clocks.from(values.timestamp(Self.now), command: values.command)
        let instant = clock.now()
        let locations = try Self.datasets(values)
        let declared = try Self.declaredTypes(values)
        var variables = try Self.variables(values)
        if variables["NOW"] == nil { variables["NOW"] = Timestamp.iso8601(instant) }
        let text = String(decoding: try AtomicFile.readBytes(path), as: UTF8.self)
        let file = try ChecksFile.parse(text: text, path: path, variables: variables)
        var tables: [String: any TableSource] = [:]
        for dataset in file.datasets {
            guard let location = locations[dataset] else { continue }
            do {
                tables[dataset] = try await ProfileCommand.table(location, values: values)
            } catch let error as UsageError {
                throw error
            } catch {
                throw CheckSourceError(dataset: dataset, message: "\(location): \(error)")
            }
        }
        let history = try Self.history(values, before: instant)
        let results = try await CheckRun.run(file, tables: tables, types: declared, now: instant, history: history)
        FileHandle.standardError.write(Data((results.summary + "\n").utf8))
        return CommandOutcome(output: results.json, status: results.status == .fail ? .completedWithFailures : .success)
    }

    /// `--data NAME=PATH` pairs; a pair without `=` or a name given twice is a usage error.
    static func datasets(_ values: OptionValues) throws(UsageError) -> [String: String] {
        var datasets: [String: String] = [:]
        for pair in values.values(data) {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex, pair.index(after: equals) != pair.endIndex else {
                throw values.problem(data, "needs NAME=PATH, got '\(pair)'")
            }
            let name = String(pair[..<equals])
            guard datasets.updateValue(String(pair[pair.index(after: equals)...]), forKey: name) == nil else {
                throw values.problem(data, "names dataset '\(name)' twice")
            }
        }
        return datasets
    }

    static func variables(_ values: OptionValues) throws(UsageError) -> [String: String] {
        var variables: [String: String] = [:]
        for pair in values.values(variable) {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw values.problem(variable, "needs KEY=VALUE, got '\(pair)'")
            }
            variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return variables
    }

    /// `NAME.COL=TYPE,…` as declarations per dataset.
    static func declaredTypes(_ values: OptionValues) throws(UsageError) -> [String: [String: ColumnType]] {
        guard let text = values.value(types), !text.isEmpty else { return [:] }
        var declared: [String: [String: ColumnType]] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let equals = pair.lastIndex(of: "="), let dot = pair[..<equals].firstIndex(of: ".") else {
                throw values.problem(types, "needs NAME.COL=TYPE pairs separated by commas; got '\(pair)'")
            }
            let dataset = String(pair[..<dot])
            let column = String(pair[pair.index(after: dot)..<equals])
            let typeName = String(pair[pair.index(after: equals)...])
            guard !dataset.isEmpty, !column.isEmpty else { throw values.problem(types, "needs a dataset and a column name: '\(pair)'") }
            guard let type = ColumnType(rawValue: typeName.lowercased()) else {
                let known = ColumnType.allCases.map(\.rawValue).joined(separator: ", ")
                throw values.problem(types, "gives \(dataset).\(column) the unknown type '\(typeName)' (known: \(known))")
            }
            guard declared[dataset, default: [:]].updateValue(type, forKey: column) == nil else {
                throw values.problem(types, "declares \(dataset).\(column) twice")
            }
        }
        return declared
    }

    static func history(_ values: OptionValues, before now: Date) throws -> RecordedCheckHistory {
        var results: [(name: String, json: JSONValue)] = []
        for path in values.values(history) {
            let bytes = try AtomicFile.readBytes(path)
            do {
                results.append((path, try JSONReader.parse(bytes)))
            } catch {
                throw error.inFile(path)
            }
        }
        return try RecordedCheckHistory(results: results, before: now)
    }
}
