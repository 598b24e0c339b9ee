import Foundation
import ReportKit

/// The registry's `checks` kind: a SodaCL checks file (``ChecksFile``) run on the tables the
/// entry's `data` names, through ``CheckRun``.
///
/// Files: `results.json`, what `reportcli check` prints for the same file and data (the pages
/// draw it; its `metrics` are the next run's history). Status: `failed` when a check failed or
/// could not be measured, `warn` when one only warned. Change checks (`change for row_count …`)
/// compare with the `results.json` of this report in the earlier runs of the store, newest first.
/// Headline numbers: `checks failed`, `checks warned`, `checks passed`.
public struct ChecksReport: Report {
    /// The results file in the report's folder.
    public static let results: ObjectKey = "results.json"
    /// How many earlier runs change checks may look back on (`change avg last N` with N up to it).
    public static let historyRuns = 30

    /// Reads the checks file the entry names, relative to the reports file.
    let read: @Sendable (RelativePath) async throws -> [UInt8]

    public init(read: @escaping @Sendable (RelativePath) async throws -> [UInt8]) {
        self.read = read
    }

    public func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult {
        guard case .checks(let options) = entry.options else {
            throw ChecksReportError("\(entry.name): a checks report needs 'checks: FILE' and 'data'")
        }
        let bytes = try await read(options.checks)
        let file = try ChecksFile.parse(text: String(decoding: bytes, as: UTF8.self), path: options.checks.text)
        var tables: [String: any TableSource] = [:]
        var types: [String: [String: ColumnType]] = [:]
        for (name, spec) in options.data {
            tables[name] = try await context.tables.open(spec, name: name)
            types[name] = spec.types
        }
        let history = try await Self.history(of: entry.folder, context: context)
        let results = try await CheckRun.run(file, tables: tables, types: types, now: context.now, history: history)
        return ReportResult(
            attachments: [Self.attachment(results, title: entry.name)],
            files: [ReportFile(path: Self.results, contentType: .json, bytes: Array((JSONWriter.canonical(results.json) + "\n").utf8))],
            status: Self.status(results.status),
            headline: [
                Headline(name: "checks failed", value: Double(results.count(.fail) + results.count(.error))),
                Headline(name: "checks warned", value: Double(results.count(.warn))),
                Headline(name: "checks passed", value: Double(results.count(.pass))),
            ])
    }

    /// The earlier results of the report in `folder`, from the runs before the context's day.
    static func history(of folder: ReportFolder, context: ReportContext) async throws -> RecordedCheckHistory {
        var earlier: [(name: String, json: JSONValue)] = []
        for manifest in try await context.history.manifests(before: context.day, limit: historyRuns) {
            guard let report = manifest[folder], report.files.contains(where: { $0.path == results }),
                  let bytes = try await context.history.file(results, folder: folder, day: manifest.day)
            else { continue }
            let name = "\(manifest.day)/\(folder.name)/\(results.text)"
            do {
                earlier.append((name, try JSONReader.parse(bytes)))
            } catch {
                throw ChecksReportError("\(name) is not JSON: \(error)")
            }
        }
        return try RecordedCheckHistory(results: earlier, before: context.now)
    }

    static func status(_ outcome: CheckOutcome) -> ReportStatus {
        switch outcome {
        case .pass: return .ok
        case .warn: return .warn
        case .fail, .error: return .failed
        }
    }

    /// The summary line, then each check that did not pass (at most ten), as Slack shows it.
    static func attachment(_ results: CheckResults, title: String) -> SlackAttachment {
        let color: SlackColor
        switch results.status {
        case .pass: color = .good
        case .warn: color = .warning
        case .fail, .error: color = .danger
        }
        let notPassed = results.results.filter { $0.outcome != .pass }
        var lines = [results.summary]
        for result in notPassed.prefix(10) {
            let check = result.check
            lines.append("• \(result.outcome.rawValue): \(check.dataset): \(check.name ?? check.text)" + (result.reason.map { " (\($0))" } ?? ""))
        }
        if notPassed.count > 10 { lines.append("… and \(notPassed.count - 10) more") }
        return SlackAttachment(color: color, title: title, text: lines.joined(separator: "\n"))
    }
}

/// A checks report that cannot run as written. Bad input.
public struct ChecksReportError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var category: ErrorCategory { .badInput }
    public var description: String { message }
}
