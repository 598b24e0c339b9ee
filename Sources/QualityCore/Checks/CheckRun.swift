import Foundation
import ReportKit

/// Runs a checks file: reads each dataset once through its ``TableSource``, measuring every
/// metric of its checks in that one pass, then judges each check.
///
///     let results = try await CheckRun.run(file, tables: ["orders": source], types: ["orders": ["amount": .number]],
///                                          now: now, history: RecordedCheckHistory(results: earlier, before: now))
///     results.status   // .pass, .warn or .fail
///     results.json     // what `reportcli check` prints
///
/// A check that cannot be measured (a column the data lacks, a dataset not given, an
/// undefined metric, a value that is not its column's declared type) gets an `error` result
/// with the reason; the others go on. A source that cannot be read stops the run with a
/// ``CheckSourceError``; a type declared for a column the table lacks, with a
/// ``CheckTypesError``. Memory: counters per check, plus a set of keys for duplicate and
/// reference checks and the values of a percentile.
///
/// Threads: `workers` (by default two on any machine, as ``ProfileParts/halves`` for a
/// profile: both cores of a two-core host; the results do not depend on it) share each
/// dataset's probes once its first batch of rows has been read (``ProbeSplit``):
/// this thread reads and feeds some probes, a helper thread the others, batch by batch. A
/// table of fewer rows is checked on this thread alone. The results are the same either way.
public enum CheckRun {
    /// Reads each dataset once and judges every check; `workers: 1` keeps one thread.
    public static func run(
        _ file: ChecksFile, tables: [String: any TableSource], types: [String: [String: ColumnType]] = [:],
        now: Date, history: some CheckHistory = NoCheckHistory(), workers: Int = 2
    ) async throws -> CheckResults {
        try await run(file, tables: tables, types: types, now: now, history: history, workers: workers, batchRows: nil)
    }

    /// ``run(_:tables:types:now:history:workers:)`` with `batchRows` rows a batch (tests), by
    /// default ``ProbeSplit/capacity(forWidth:)``.
    static func run(
        _ file: ChecksFile, tables: [String: any TableSource], types: [String: [String: ColumnType]], now: Date,
        history: some CheckHistory, workers: Int, batchRows: Int?
    ) async throws -> CheckResults {
        let workers = max(1, workers)
        let plan = CheckPlan(file)
        var scans: [String: DatasetScan] = [:]
        for dataset in plan.scanOrder where tables[dataset] != nil {
            let source = tables[dataset]!
            let scan = DatasetScan(dataset: dataset)
            let probes = plan.probes[dataset] ?? []
            // `probes` keeps them alive through the scan: the row loop borrows each one
            // instead of retaining and releasing it per row (a third of a scan's time).
            let borrowed = probes.map { Unmanaged.passUnretained($0) }
            let declared = types[dataset] ?? [:]
            var split: ProbeSplit?
            var splitAfter = Int.max
            defer { split?.close() }
            // The split as the row loop reads it, without a retain and a release per row.
            var splitting: Unmanaged<ProbeSplit>?
            do {
                try await source.scan(
                    columns: { columns in
                        let names = Set(columns.map(\.name))
                        if let unknown = declared.keys.sorted().first(where: { !names.contains($0) }) {
                            throw CheckTypesError(
                                "a type is declared for \(dataset).\(unknown), but \(source.displayName) has no column '\(unknown)' (its columns: \(columns.map(\.name).joined(separator: ", ")))")
                        }
                        let shape = TableShape(dataset: dataset, displayName: source.displayName, columns: columns, declared: declared)
                        scan.shape = shape
                        for probe in probes { probe.bind(shape) }
                        if workers > 1, probes.count > 1 { splitAfter = batchRows ?? ProbeSplit.capacity(forWidth: columns.count) }
                    },
                    row: { row in
                        scan.rows += 1
                        if let splitting {
                            splitting._withUnsafeGuaranteedRef { $0.add(row) }
                            return
                        }
                        for probe in borrowed {
                            probe._withUnsafeGuaranteedRef { probe in if probe.failure == nil { probe.add(row) } }
                        }
                        if scan.rows == splitAfter {
                            split = ProbeSplit(probes, width: row.count, workers: workers, capacity: splitAfter)
                            splitting = Unmanaged.passUnretained(split!)
                        }
                    })
                split?.finish()
            } catch let error as CheckTypesError {
                throw error
            } catch {
                throw CheckSourceError(dataset: dataset, message: "\(error)")
            }
            withExtendedLifetime(probes) {}
            for target in plan.targets[dataset]?.values.map({ $0 }) ?? [] { target.complete = true }
            scans[dataset] = scan
        }
        var judge = CheckJudge(now: CheckClock.micros(now), scans: scans, history: history)
        var results: [CheckResult] = []
        for (check, probe) in zip(file.checks, plan.checkProbes) {
            results.append(try await judge.result(check, probe: probe))
        }
        for dataset in scans.keys.sorted() {
            judge.record(dataset: dataset, metric: "row_count", value: Double(scans[dataset]!.rows))
        }
        return CheckResults(path: file.path, now: now, results: results, metrics: judge.metrics)
    }
}

/// One dataset as it was read: its shape and row count.
final class DatasetScan {
    let dataset: String
    var shape: TableShape?
    var rows = 0
    init(dataset: String) { self.dataset = dataset }
}

/// Which probe measures each check, which datasets to read, and in what order.
struct CheckPlan {
    /// Per check, in file order: its probe, or `nil` when the row count alone decides it.
    private(set) var checkProbes: [CheckProbe?] = []
    private(set) var probes: [String: [CheckProbe]] = [:]
    /// Reference targets per dataset, by their columns (shared by checks on the same columns).
    private(set) var targets: [String: [[String]: ReferenceTargetProbe]] = [:]
    private(set) var scanOrder: [String] = []

    init(_ file: ChecksFile) {
        var edges: [String: Set<String>] = [:]
        for check in file.checks {
            let probe: CheckProbe?
            switch check.kind {
            case .metric(let metricCheck): probe = Self.probe(for: metricCheck.metric)
            case .change(let change): probe = Self.probe(for: change.metric)
            case .freshness(let freshness): probe = FreshnessProbe(freshness)
            case .schema(let schema): probe = SchemaProbe(schema)
            case .reference(let reference):
                let target = targets[reference.target]?[reference.targetColumns] ?? {
                    let made = ReferenceTargetProbe(columns: reference.targetColumns)
                    targets[reference.target, default: [:]][reference.targetColumns] = made
                    probes[reference.target, default: []].append(made)
                    return made
                }()
                probe = ReferenceSourceProbe(reference, target: target)
                edges[check.dataset, default: []].insert(reference.target)
            case .rowCountSame: probe = nil
            }
            checkProbes.append(probe)
            if let probe { probes[check.dataset, default: []].append(probe) }
        }
        // The column metrics of a dataset on one column read each cell once, as one group.
        for (dataset, list) in probes { probes[dataset] = Self.grouped(list) }
        // Targets before the datasets that refer to them, where there is no cycle, so that
        // reference checks can sample their failing rows as they read.
        var visited = Set<String>()
        func visit(_ dataset: String) {
            guard visited.insert(dataset).inserted else { return }
            for target in (edges[dataset] ?? []).sorted() { visit(target) }
            scanOrder.append(dataset)
        }
        for dataset in file.datasets { visit(dataset) }
    }

    /// `list` with the column metrics that read the same column made one
    /// ``ColumnProbeGroup`` each, in the place of the first.
    static func grouped(_ list: [CheckProbe]) -> [CheckProbe] {
        var byColumn: [String: [ColumnMetricProbe]] = [:]
        for case let probe as ColumnMetricProbe in list { byColumn[probe.metric.columns[0], default: []].append(probe) }
        var result: [CheckProbe] = []
        for probe in list {
            guard let column = probe as? ColumnMetricProbe, let members = byColumn[column.metric.columns[0]], members.count > 1 else {
                result.append(probe)
                continue
            }
            if members[0] === column { result.append(ColumnProbeGroup(members)) }
        }
        return result
    }

    static func probe(for metric: Metric) -> CheckProbe? {
        switch metric.kind {
        case .rowCount: return nil
        case .duplicateCount, .duplicatePercent: return DuplicateProbe(metric)
        default: return ColumnMetricProbe(metric)
        }
    }
}
