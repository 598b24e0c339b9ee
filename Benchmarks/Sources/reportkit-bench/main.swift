import Foundation
import ReportKit

// reportkit-bench: figures for ReportKit's speed and memory goals. Prints, never asserts.
//
//   reportkit-bench generate --items N --out PATH(.json|.yaml) [--edited SHARE]
//       SHARE of the plans (0…1, default 1) were edited inside the report's window
//   reportkit-bench formats PATH.json [PATH.yaml]      in-process read/write throughput
//   reportkit-bench slips REPORTCLI DB [--runs N]      whole-process time and peak memory

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}

switch arguments.first {
case "generate":
    let count = Int(option("--items", in: &arguments) ?? "") ?? 1_000_000
    guard let out = option("--out", in: &arguments) else { fatalError("generate needs --out PATH") }
    var generator = BuildablesGenerator(itemCount: count)
    generator.editedShare = Double(option("--edited", in: &arguments) ?? "") ?? 1.0
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
    guard arguments.count == 3 else { fatalError("slips needs REPORTCLI DB") }
    let (executable, database) = (arguments[1], arguments[2])
    var figures: [ProcessFigures] = []
    for _ in 0..<runs {
        figures.append(measureProcess(executable, ["slips", "--db", database, "--dryrun", "--now", "2020-05-01T04:05:06Z", "--metrics", "/dev/null"]))
    }
    let times = figures.map(\.seconds).sorted()
    print(String(
        format: "reportcli slips --dryrun on %@: median %.3f s (best %.3f, worst %.3f over %d runs), peak RSS %.0f MiB, exit %d",
        database, times[times.count / 2], times.first!, times.last!, runs, figures.map(\.peakMiB).max()!, figures.last!.status))

default:
    print("usage: reportkit-bench generate --items N --out PATH [--edited SHARE] | formats FILE… | slips REPORTCLI DB [--runs N]")
}
