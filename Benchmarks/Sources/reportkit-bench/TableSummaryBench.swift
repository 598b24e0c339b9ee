import Foundation
import QualityCore
import ReportAdapters
import ReportKit

/// The `table-summary` report on one generated CSV file, in process: wall and CPU time, and
/// the process's peak resident memory (`ru_maxrss`, which includes the ~10 MiB the process
/// starts with). The file is `CSVBench`'s (8 columns: an all-distinct `id`, so past the
/// profile's exact limit at 1 GB and read a second time for its frequent values).
enum TableSummaryBench {
    struct Tables: TableOpener {
        let directory: String
        func open(_ spec: TableSourceSpec, name: String) async throws -> any TableSource {
            DelimitedTableSource(store: FileObjectStore(root: directory), key: try ObjectKey(name + ".csv"))
        }
        func query(_ query: String, on source: DataSource) async throws -> any TableSource { fatalError("no queries here") }
    }

    struct NoHistory: RunHistory {
        func manifests(before day: CalendarDay, limit: Int) async throws -> [RunManifest] { [] }
        func file(_ path: ObjectKey, folder: ReportFolder, day: CalendarDay) async throws -> [UInt8]? { nil }
    }

    static func run(megabytes: Int, directory: String, limits: ProfileLimits) async throws {
        let path = directory + "/events.csv"
        let size = try CSVBench.generate(megabytes: megabytes, to: path)
        defer { unlink(path) }
        let spec = TableSourceSpec(source: try DataSource("events.csv"), location: SourceLocation(line: 1, column: 1))
        let entry = ReportEntry(
            name: "Table Summary", folder: try ReportFolder(reportName: "Table Summary"), kind: .tableSummary,
            options: .tableSummary(TableSummaryOptions(tables: [(name: "events", spec: spec)], changeReport: true)),
            request: nil, location: SourceLocation(line: 1, column: 1))
        let context = ReportContext(
            day: try CalendarDay("2024-03-15"), now: Date(timeIntervalSince1970: 0),
            registry: ReportRegistry(file: "bench", base: ".", reports: [entry]), tables: Tables(directory: directory), history: NoHistory())
        let before = usage()
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await TableSummaryReport(limits: limits).run(entry, context: context)
        let elapsed = clock.now - start
        let after = usage()
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rows = result.headline.first?.value ?? 0
        let bytes = result.files.reduce(0) { $0 + $1.bytes.count }
        print(String(
            format: "table-summary on %d MB of CSV (%.0f rows, 8 columns): %.2f s wall (%@), %.2f s CPU, peak RSS %.0f MiB (%.0f MiB before), %d files, %d KB",
            size / 1_000_000, rows, wall, throughput(size, wall), after.cpu - before.cpu, after.peakMiB, before.peakMiB,
            result.files.count, bytes / 1000))
    }

    static func usage() -> (cpu: Double, peakMiB: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (cpu, Double(usage.ru_maxrss) / 1024)
    }
}
