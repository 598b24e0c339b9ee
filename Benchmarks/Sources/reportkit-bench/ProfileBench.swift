import Foundation
import QualityCore
import ReportAdapters
import ReportKit

/// `reportkit-bench profile [--megabytes N] [--file PATH] [--types COL=TYPE,…] [--most-frequent] [--exact] [--few-distinct] [--sync] [--parts N]`:
/// `ProfileJob` on one generated CSV file (`CSVBench`'s 8 columns, or with `--few-distinct`
/// `FewDistinctCSV`'s) read through `DelimitedTableSource`, in
/// process: CPU seconds (user + sys), MB/s per CPU-second, wall time and peak RSS. With
/// `--file` an existing file is read (and kept); otherwise one is generated and deleted.
/// With `--sync`, the same scanner and profiler without the port, on this thread (no
/// concurrency runtime threads, so it runs under `valgrind --tool=callgrind`). With
/// `--parts N` (default 1), `ProfileJob` splits the columns between N threads from the first row; `--types` declares
/// column types as `reportcli profile --types` does and `--most-frequent` lists only each column's most frequent
/// value, as `reportcli profile` asks (neither with `--sync`). `--sync` hands
/// the profiler a row at a time (`TableProfiler.add(row:)`), as `ProfileJob` does.
enum ProfileBench {
    static func run(
        megabytes: Int, file: String?, limits: ProfileLimits, fewDistinct: Bool, parts: Int = 1, declared: [String: ColumnType] = [:],
        scope: ValueCountScope = .all
    ) async throws {
        let path = try prepare(megabytes: megabytes, file: file, fewDistinct: fewDistinct)
        defer { if file == nil { unlink(path) } }
        let slash = path.lastIndex(of: "/")!
        let source = DelimitedTableSource(
            store: FileObjectStore(root: String(path[..<slash])), key: try ObjectKey(String(path[path.index(after: slash)...])))
        let before = TableSummaryBench.usage(), clock = ContinuousClock(), start = clock.now
        let profile = try await ProfileJob.run(source, declared: declared, limits: limits, parts: .always(parts), valueCounts: scope)
        report(path, profile, before: before, wall: clock.now - start, parts: parts)
    }

    /// The `--sync` form: called from the top level, so it stays on the main thread.
    static func runInline(megabytes: Int, file: String?, limits: ProfileLimits, fewDistinct: Bool) throws {
        let path = try prepare(megabytes: megabytes, file: file, fewDistinct: fewDistinct)
        defer { if file == nil { unlink(path) } }
        let before = TableSummaryBench.usage(), clock = ContinuousClock(), start = clock.now
        let profile = try profileInline(path, limits: limits)
        report(path, profile, before: before, wall: clock.now - start)
    }

    private static func prepare(megabytes: Int, file: String?, fewDistinct: Bool) throws -> String {
        let path = file ?? "\(NSTemporaryDirectory())/reportkit-profile-bench-\(getpid()).csv"
        if file == nil || access(path, R_OK) != 0 {
            _ = try fewDistinct ? FewDistinctCSV.generate(megabytes: megabytes, to: path) : CSVBench.generate(megabytes: megabytes, to: path)
        }
        return path
    }

    private static func report(_ path: String, _ profile: TableProfile, before: (cpu: Double, peakMiB: Double), wall elapsed: Duration, parts: Int = 1) {
        let after = TableSummaryBench.usage()
        var status = stat()
        stat(path, &status)
        let size = Int(status.st_size)
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpu = after.cpu - before.cpu
        print(String(
            format: "profile of %d MB of CSV (%d rows, %d columns, %d part%@): %@ per CPU-second (%.2f s CPU), %.2f s wall (%@), peak RSS %.0f MiB",
            size / 1_000_000, profile.rowCount, profile.columns.count, parts, parts == 1 ? "" : "s", throughput(size, cpu), cpu, wall,
            throughput(size, wall), after.peakMiB))
    }

    /// What `DelimitedTableSource` and `ProfileJob` do, inline: 1 MiB reads into the scanner,
    /// each record's fields into a `TableProfiler` (an empty unquoted field is missing).
    static func profileInline(_ path: String, limits: ProfileLimits) throws -> TableProfile {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(descriptor) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { chunk.deallocate() }
        var scanner = CSVScanner(dialect: .rfc4180, file: path, checksFieldCount: true)
        var profiler = TableProfiler(columns: [])
        var cells = UnsafeMutableBufferPointer<UnsafeRawBufferPointer?>.allocate(capacity: 0)
        var scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { cells.deallocate(); scratch.deallocate() }
        let body: (CSVRecord) throws -> Void = { record in
            if record.isHeader {
                profiler = TableProfiler(columns: record.strings.map { ColumnDeclaration(name: $0) }, limits: limits)
                cells.deallocate()
                cells = .allocate(capacity: record.count)
                return
            }
            if record.bytes.count > scratch.count {
                scratch.deallocate()
                scratch = .allocate(byteCount: record.bytes.count, alignment: 1)
            }
            var used = 0
            for index in 0..<min(record.count, cells.count) {
                let field = record[index]
                if field.count == 0, !field.isQuoted {
                    cells[index] = nil
                } else if field.hasDoubledQuotes {
                    let start = used
                    record.withField(index) { value in
                        UnsafeMutableRawBufferPointer(rebasing: scratch[used..<(used + value.count)]).copyMemory(from: UnsafeRawBufferPointer(value))
                        used += value.count
                    }
                    cells[index] = UnsafeRawBufferPointer(rebasing: scratch[start..<used])
                } else {
                    cells[index] = UnsafeRawBufferPointer(record.rawField(index))
                }
            }
            try profiler.add(row: TableRowView(number: record.number, line: record.line, cells: UnsafeBufferPointer(cells)))
        }
        while true {
            let count = read(descriptor, chunk.baseAddress, chunk.count)
            if count <= 0 { break }
            try scanner.feed(UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count), body)
        }
        try scanner.finish(body)
        return profiler.finish()
    }
}
