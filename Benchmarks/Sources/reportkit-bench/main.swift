import Foundation
import QualityCore
import ReportKit

// reportkit-bench: figures for ReportKit's speed and memory goals. Prints, never asserts.
//
//   reportkit-bench generate --items N --out PATH(.json|.yaml) [--edited SHARE] [--many-changes]
//       SHARE of the plans (0…1, default 1) were edited inside the report's window;
//       --many-changes: services planned in a few regions each, undated plans, notes
//   reportkit-bench formats PATH.json [PATH.yaml]      in-process read/write throughput
//   reportkit-bench slips REPORTCLI DB [--runs N]      whole-process time and peak memory
//   reportkit-bench hashing [--megabytes N]          SHA-256, HMAC and PBKDF2 in process
//   reportkit-bench objects DIR [--megabytes N]      a large object through the file store
//   reportkit-bench s3-objects ENDPOINT DIR [--megabytes N]   the same through S3 (moto; CHUNK_MIB=8)
//   reportkit-bench sync REPORTCLI DIR [--megabytes N]   reportcli sync of one N MB file (default 1000) from loopback HTTP
//   reportkit-bench csv [--megabytes N] [--file PATH | --read PATH]
//       generates N MB (default 1000) of CSV under /tmp, scans it on one core, deletes it
//   reportkit-bench pipeline REPORTCLI DIR [--runs N] [--original PYTHON RUNNER]
//       full-size bydelsfakta inputs written to DIR; each function timed as a whole process,
//       and the original's handler too when a Python and a runner script are given;
//       --published INPUTS [--only MODULE,…]: instead, every function and type of INPUTS, a folder
//       laid out as Fixtures/bydelsfakta/published (Benchmarks/bydelsfakta-gen/build.py --full-size)
//   reportkit-bench profile-core [--rows N] [--types T,…]  the profile core alone, per column type
//   reportkit-bench profile [--megabytes N] [--file PATH] [--exact] [--few-distinct] [--sync] [--parts N]
//       ProfileJob on a CSV file, in process; --parts: cut in N parts profiled at once (default 1)
//   reportkit-bench table-summary DIR [--megabytes N] [--exact]
//       the table-summary report on N MB (default 1000) of generated CSV written to DIR (then
//       deleted): time and peak memory in process
//   reportkit-bench peers-table --rows N --out PATH   the CSV Benchmarks/peers.sh gives ReportKit, pandas, polars and Soda Core
//   reportkit-bench starts EXECUTABLE… [--runs N] [-- ARGUMENTS…]
//       the process floor: each executable started N times (default 40; arguments default
//       --version), alternating; median and best wall and CPU time

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}

/// Says what a command needs on standard error and exits 2 (a usage error, not a trap).
func usage(_ message: String) -> Never {
    FileHandle.standardError.write(Data("reportkit-bench: \(message)\n".utf8))
    exit(2)
}

switch arguments.first {
case "generate":
    let count = Int(option("--items", in: &arguments) ?? "") ?? 1_000_000
    guard let out = option("--out", in: &arguments) else { usage("generate needs --out PATH") }
    var generator = BuildablesGenerator(itemCount: count)
    generator.editedShare = Double(option("--edited", in: &arguments) ?? "") ?? 1.0
    generator.manyChanges = arguments.contains("--many-changes")
    let table = generator.table()
    // JSON as an export would write it: compact, one item per line.
    let items = table["items"]?.arrayValue ?? []
    let text = out.hasSuffix(".json")
        ? "{\"items\": [\n" + items.map(JSONWriter.compact).joined(separator: ",\n") + "\n]}\n"
        : YAML.emit(table)
    try Data(text.utf8).write(to: URL(fileURLWithPath: out))
    print("wrote \(table["items"]?.arrayValue?.count ?? 0) items, \(text.utf8.count / 1_000_000) MB to \(out)")

case "formats":
    for path in arguments.dropFirst() {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var value: JSONValue = .null
        if path.hasSuffix(".json") {
            let read = try seconds { value = try JSONReader.parse(bytes) }
            var written = ""
            let write = seconds { written = JSONWriter.canonical(value) }
            print("json read   \(path): \(String(format: "%.3f", read)) s, \(throughput(bytes.count, read))")
            print("json write  \(path): \(String(format: "%.3f", write)) s, \(throughput(written.utf8.count, write))")
        } else {
            let read = try seconds { value = try YAML.value(bytes) }
            print("yaml read   \(path): \(String(format: "%.3f", read)) s, \(throughput(bytes.count, read))")
        }
    }

case "slips":
    let runs = Int(option("--runs", in: &arguments) ?? "") ?? 3
    guard runs > 0 else { usage("slips needs --runs of at least 1") }
    guard arguments.count == 3 else { usage("slips needs REPORTCLI DB") }
    let (executable, database) = (arguments[1], arguments[2])
    var figures: [ProcessFigures] = []
    for _ in 0..<runs {
        figures.append(measureProcess(executable, ["slips", "--db", database, "--dryrun", "--now", "2020-05-01T04:05:06Z", "--metrics", "/dev/null"]))
    }
    let times = figures.map(\.seconds).sorted()
    let cpu = figures.map(\.cpuSeconds).sorted()
    print(String(
        format: "reportcli slips --dryrun on %@: median %.3f s (best %.3f, worst %.3f over %d runs), CPU median %.3f s (best %.3f), peak RSS %.0f MiB, exit %d",
        database, times[times.count / 2], times.first!, times.last!, runs, cpu[cpu.count / 2], cpu.first!, figures.map(\.peakMiB).max()!, figures.last!.status))

case "pipeline":
    // reportkit-bench pipeline REPORTCLI DIR [--runs N] [--original PYTHON RUNNER]
    let runs = Int(option("--runs", in: &arguments) ?? "") ?? 5
    guard runs > 0 else { usage("pipeline needs --runs of at least 1") }
    var original: (python: String, runner: String)?
    if let index = arguments.firstIndex(of: "--original"), index + 2 < arguments.count {
        original = (arguments[index + 1], arguments[index + 2])
        arguments.removeSubrange(index...(index + 2))
    }
    let published = option("--published", in: &arguments)
    let only = option("--only", in: &arguments).map { Set($0.split(separator: ",").map(String.init)) }
    guard arguments.count == 3 else { usage("pipeline needs REPORTCLI DIR") }
    let (executable, directory) = (arguments[1], arguments[2])
    if let published {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try PublishedPipelines.time(root: published, store: directory, reportcli: executable, original: original, rounds: runs, only: only)
        break
    }
    try PipelineData.write(to: directory)
    func median(_ figures: [ProcessFigures]) -> Double { figures.map(\.seconds).sorted()[figures.count / 2] }
    print("function                   type                reportcli    original    speed-up")
    for (function, module, type, dataset) in PipelineData.runs {
        let eventPath = "\(directory)/event-\(function)-\(type).json"
        try Data(PipelineData.event(function: function, type: type, dataset: dataset).utf8).write(to: URL(fileURLWithPath: eventPath))
        let input = "\(directory)/processed/\(dataset)/input.csv"
        func ours() -> ProcessFigures {
            measureProcess(executable, ["pipeline", "run", "--event", eventPath, "--store", directory, "--now", "2020-05-01"])
        }
        func theirs(_ original: (python: String, runner: String)) -> ProcessFigures {
            measureProcess(original.python, [original.runner, module, type, "\(directory)/original-out", "\(dataset)=\(input)"])
        }
        // Rounds alternate the two, so that a machine slowing down or speeding up during the
        // measurement weighs on both alike: two runs of ours, then one of the original.
        var ourFigures: [ProcessFigures] = [ours()]  // a warm-up run, not counted
        ourFigures.removeAll()
        var theirFigures: [ProcessFigures] = []
        for _ in 0..<runs {
            ourFigures += [ours(), ours()]
            if let original { theirFigures.append(theirs(original)) }
        }
        var line = function.padding(toLength: 26, withPad: " ", startingAt: 0) + " " + type.padding(toLength: 18, withPad: " ", startingAt: 0)
        line += String(format: " %8.1f ms", median(ourFigures) * 1000)
        let cpu = ourFigures.map(\.cpuSeconds).sorted()[ourFigures.count / 2]
        if ourFigures.contains(where: { $0.status != 0 }) { line += " (exit \(ourFigures.map(\.status).max()!))" }
        if !theirFigures.isEmpty {
            line += String(format: "  %8.1f ms   %6.1f×", median(theirFigures) * 1000, median(theirFigures) / median(ourFigures))
            if theirFigures.contains(where: { $0.status != 0 }) { line += " (original exit \(theirFigures.map(\.status).max()!))" }
        }
        line += String(format: "   (cpu %.1f ms)", cpu * 1000)
        print(line)
    }

case "hashing":
    hashingFigures(megabytes: Int(option("--megabytes", in: &arguments) ?? "") ?? 512)

case "objects":
    let megabytes = Int(option("--megabytes", in: &arguments) ?? "") ?? 1024
    guard arguments.count == 2 else { usage("objects needs DIR") }
    try await objectFigures(directory: arguments[1], megabytes: megabytes)
    try await smallObjectFigures(directory: arguments[1], rounds: 200)

case "sync":
    // reportkit-bench sync REPORTCLI DIR [--megabytes N]
    let megabytes = Int(option("--megabytes", in: &arguments) ?? "") ?? 1000
    guard arguments.count == 3 else { usage("sync needs REPORTCLI DIR") }
    try syncFigures(reportcli: arguments[1], directory: arguments[2], megabytes: megabytes)

case "s3-objects":
    let megabytes = Int(option("--megabytes", in: &arguments) ?? "") ?? 1024
    guard arguments.count == 3, let endpoint = URL(string: arguments[1]) else { usage("s3-objects needs ENDPOINT DIR") }
    try await s3ObjectFigures(endpoint: endpoint, megabytes: megabytes, directory: arguments[2])

case "csv":
    let megabytes = Int(option("--megabytes", in: &arguments) ?? "") ?? 1000
    // `--read` scans a file that is there (and leaves it); `--file` is where to generate one.
    let existing = option("--read", in: &arguments)
    let path = existing ?? option("--file", in: &arguments) ?? "\(NSTemporaryDirectory())/reportkit-csv-bench-\(getpid()).csv"
    defer { if existing == nil { unlink(path) } }
    if existing == nil {
        let size = try CSVBench.generate(megabytes: megabytes, to: path)
        print("generated \(size / 1_000_000) MB of CSV (quoted fields with delimiters, doubled quotes and line breaks; numbers; text) at \(path)")
    }
    for numbers in [false, true] {
        let result = try CSVBench.scan(path, numbers: numbers)
        print(String(format: "csv scan%@: %@ on one core (%.2f s CPU; %.2f s wall, %@), %d records (checksum %.0f)",
                     numbers ? " + 3 number columns" : "", throughput(result.bytes, result.cpuSeconds), result.cpuSeconds,
                     result.seconds, throughput(result.bytes, result.seconds), result.records, result.checksum))
    }

case "profile-core":
    let types = option("--types", in: &arguments)?.split(separator: ",").compactMap { ColumnType(rawValue: String($0)) }
    try ProfileCoreBench.run(rows: Int(option("--rows", in: &arguments) ?? "") ?? 2_000_000, types: types ?? ColumnType.allCases)

case "profile":
    let exact = arguments.contains("--exact"), sync = arguments.contains("--sync"), few = arguments.contains("--few-distinct")
    arguments.removeAll { $0 == "--exact" || $0 == "--sync" || $0 == "--few-distinct" }
    let megabytes = Int(option("--megabytes", in: &arguments) ?? "") ?? 1000, file = option("--file", in: &arguments)
    let parts = max(1, Int(option("--parts", in: &arguments) ?? "") ?? 1)
    var declared: [String: ColumnType] = [:]
    for pair in (option("--types", in: &arguments) ?? "").split(separator: ",") {
        let sides = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard sides.count == 2, let type = ColumnType(rawValue: sides[1]) else { usage("--types wants COL=TYPE,…, not '\(pair)'") }
        declared[sides[0]] = type
    }
    let scope: ValueCountScope = arguments.contains("--most-frequent") ? .mostFrequent : .all
    arguments.removeAll { $0 == "--most-frequent" }
    if sync {
        try ProfileBench.runInline(megabytes: megabytes, file: file, limits: exact ? .exact : .default, fewDistinct: few)
    } else {
        try await ProfileBench.run(
            megabytes: megabytes, file: file, limits: exact ? .exact : .default, fewDistinct: few, parts: parts, declared: declared, scope: scope)
    }

case "table-summary":
    let megabytes = Int(option("--megabytes", in: &arguments) ?? "") ?? 1000
    let exact = arguments.contains("--exact")
    arguments.removeAll { $0 == "--exact" }
    guard arguments.count == 2 else { usage("table-summary needs DIR") }
    try await TableSummaryBench.run(megabytes: megabytes, directory: arguments[1], limits: exact ? .exact : .default)

case "peers-table":
    let rows = Int(option("--rows", in: &arguments) ?? "") ?? 10_000_000
    guard let out = option("--out", in: &arguments) else { usage("peers-table needs --out PATH") }
    let size = try PeersTable.write(rows: rows, to: out)
    print("wrote \(rows) rows, \(size) bytes to \(out)")

case "starts":
    let runs = Int(option("--runs", in: &arguments) ?? "") ?? 40
    var passed = ["--version"]
    if let split = arguments.firstIndex(of: "--") {
        passed = Array(arguments[(split + 1)...])
        arguments.removeSubrange(split...)
    }
    guard arguments.count >= 2 else { usage("starts needs EXECUTABLE…") }
    ProcessStarts.time(Array(arguments.dropFirst()), arguments: passed, runs: runs)

default:
    usage("usage: reportkit-bench generate --items N --out PATH [--edited SHARE] [--many-changes] | formats FILE… | slips REPORTCLI DB [--runs N] | hashing [--megabytes N] | objects DIR [--megabytes N] | s3-objects ENDPOINT DIR [--megabytes N] | pipeline REPORTCLI DIR [--runs N] [--original PYTHON RUNNER] [--published INPUTS [--only MODULE,…]] | csv [--megabytes N] [--file PATH | --read PATH] | profile-core [--rows N] [--types T,…] | profile [--megabytes N] [--file PATH] [--types COL=TYPE,…] [--parts N] [--most-frequent] [--exact] [--few-distinct] [--sync] | table-summary DIR [--megabytes N] [--exact] | peers-table --rows N --out PATH | starts EXECUTABLE… [--runs N] [-- ARGUMENTS…]")
}
