import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli profile` as a process.
@Suite("reportcli profile")
struct ProfileCommandTests {
    static let people = "Fixtures/quality/profile/people.csv"

    @Test("JSON by default: the profile with sorted keys, figures as pandas'")
    func json() throws {
        let run = try ReportCLIProcess.run(["profile", "--data", Self.people])
        #expect(run.status == 0, "\(run.stderr)")
        let profile = try JSONReader.parse(run.stdout)
        let expected = try JSONReader.parse(try FixturePaths.text("quality/profile/people.expected.json"))
        #expect(profile["row_count"] == expected["row_count"])
        let columns = try #require(profile["columns"]?.arrayValue)
        #expect(columns.compactMap { $0["name"]?.stringValue } == ["id", "name", "city", "age", "score", "balance", "active", "joined", "seen_at", "constant", "nothing", "note"])
        let age = try #require(columns.first { $0["name"] == "age" })
        #expect(age["type"] == "integer")
        #expect(age["missing"] == expected["columns"]?["age"]?["missing"])
        #expect(run.stdout.contains("\"columns\": ["), "canonical (pretty, sorted) JSON")
    }

    @Test("--format csv: the summary header and one row per column")
    func csv() throws {
        let run = try ReportCLIProcess.run(["profile", "--data", Self.people, "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try CSVScanner.records(Array(run.stdout.utf8))
        #expect(records.first == ["column", "type", "count", "missing", "distinct", "top", "freq", "mean", "std", "min", "p25", "p50", "p75", "max"])
        #expect(records.count == 13)
        #expect(records.dropFirst().map { $0[0] }.first == "id")
    }

    @Test("--types declares types; a value not of its type, an unknown type or column is exit 2 naming the column")
    func types() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("t.csv", "code,amount\n0301,12\n1103,x\n")
        let asText = try ReportCLIProcess.run(["profile", "--data", path, "--types", "code=text"])
        #expect(asText.status == 0, "\(asText.stderr)")
        #expect(try JSONReader.parse(asText.stdout)["columns"]?.arrayValue?.first?["type"] == "text")
        let wrong = try ReportCLIProcess.run(["profile", "--data", path, "--types", "amount=number"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("t.csv:3: row 2, column 'amount': 'x' is not a number (declared type)"), "\(wrong.stderr)")
        let unknownType = try ReportCLIProcess.run(["profile", "--data", path, "--types", "amount=float"])
        #expect(unknownType.status == 2)
        #expect(unknownType.stderr.contains("--types gives column 'amount' the unknown type 'float'"), "\(unknownType.stderr)")
        let unknownColumn = try ReportCLIProcess.run(["profile", "--data", path, "--types", "amunt=number"])
        #expect(unknownColumn.status == 2)
        #expect(unknownColumn.stderr.contains("column 'amunt'"), "\(unknownColumn.stderr)")
    }

    @Test("a bad file is exit 2 with file:line:col; a missing file is exit 2 naming it")
    func badInput() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("bad.csv", "a,b\n1,2\n3,4,5\n")
        let bad = try ReportCLIProcess.run(["profile", "--data", path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(path):3:5: error: csv: 3 fields, but the header has 2"), "\(bad.stderr)")
        #expect(bad.stdout.isEmpty)
        let missing = try ReportCLIProcess.run(["profile", "--data", scratch.url.appendingPathComponent("nope.csv").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file: ") && missing.stderr.contains("nope.csv"), "\(missing.stderr)")
        let format = try ReportCLIProcess.run(["profile", "--data", path, "--format", "xml"])
        #expect(format.status == 2 && format.stderr.contains("--format must be json or csv"))
    }

    @Test("the user's own path: a link to a table is followed (exit 0), a FIFO is exit 2 without blocking")
    func links() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("t.csv", "a,b\n1,2\n")
        let link = scratch.url.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let linked = try ReportCLIProcess.run(["profile", "--data", link], timeout: 30)
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try JSONReader.parse(linked.stdout)["row_count"] == 1, "\(linked.stdout)")
        let fifo = scratch.url.appendingPathComponent("fifo.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let piped = try ReportCLIProcess.run(["profile", "--data", fifo], timeout: 30)
        #expect(piped.status == 2, "\(piped.stderr)")
        #expect(piped.stderr.contains("not a regular file"), "\(piped.stderr)")
    }

    @Test("a JSON Lines file, recognised by its name or its first byte")
    func jsonLines() throws {
        let scratch = try ScratchDirectory()
        let text = "{\"id\": 1, \"city\": \"Oslo\"}\n{\"id\": 2, \"city\": null, \"extra\": true}\n"
        for name in ["t.jsonl", "export"] {
            let path = try scratch.file(name, text)
            let run = try ReportCLIProcess.run(["profile", "--data", path])
            #expect(run.status == 0, "\(run.stderr)")
            let profile = try JSONReader.parse(run.stdout)
            #expect(profile["row_count"] == 2)
            let columns = profile["columns"]?.arrayValue ?? []
            #expect(columns.compactMap { $0["name"]?.stringValue } == ["id", "city", "extra"], "\(name)")
            #expect(columns.first?["type"] == "integer")
            #expect(columns.dropFirst().first?["missing"] == 1)
        }
        let bad = try scratch.file("bad.jsonl", "{\"id\": 1}\n[2]\n")
        let run = try ReportCLIProcess.run(["profile", "--data", bad])
        #expect(run.status == 2 && run.stderr.contains("\(bad):2:1: error: json: expected a JSON object on each line, found an array"), "\(run.stderr)")
    }
}
