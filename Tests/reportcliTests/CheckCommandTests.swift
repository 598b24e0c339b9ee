import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli check` as a process: its JSON, its exit codes and its located errors.
@Suite("reportcli check")
struct CheckCommandTests {
    static let folder = "Fixtures/quality/checks/"
    static let orders = "orders=\(folder)data/orders.csv"

    @Test("all pass: exit 0, sorted JSON with each check's dataset, text, line, outcome, value and threshold")
    func passes() throws {
        let scratch = try ScratchDirectory()
        let checks = try scratch.file("pass.yml", "checks for orders:\n  - row_count = 12\n  - missing_count(amount) < 5:\n      name: few amounts missing\n")
        let run = try ReportCLIProcess.run(["check", "--checks", checks, "--data", Self.orders, "--now", "2024-03-10T12:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONReader.parse(run.stdout)
        #expect(json["summary"] == "2 checks: 2 passed, 0 warned, 0 failed, 0 errors")
        #expect(json["status"] == "pass")
        let first = try #require(json["checks"]?.arrayValue?.first)
        #expect(first == ["check": "row_count = 12", "dataset": "orders", "line": 2, "outcome": "pass", "threshold": "= 12", "value": 12])
        #expect(json["checks"]?.arrayValue?.last?["name"] == "few amounts missing")
        #expect(run.stdout == JSONWriter.canonical(json) + "\n" || run.stdout == JSONWriter.canonical(json), "canonical sorted JSON")
        #expect(run.stderr.contains("2 checks: 2 passed"))
    }

    @Test("a failing check: exit 1, with up to 10 failing rows and their lines in the file")
    func fails() throws {
        let scratch = try ScratchDirectory()
        let checks = try scratch.file("fail.yml", "checks for orders:\n  - missing_count(email) = 0\n  - row_count:\n      warn: when > 10\n")
        let run = try ReportCLIProcess.run(["check", "--checks", checks, "--data", Self.orders, "--now", "2024-03-10T12:00:00Z"])
        #expect(run.status == 1, "\(run.stderr)")
        let json = try JSONReader.parse(run.stdout)
        let missing = try #require(json["checks"]?.arrayValue?.first)
        #expect(missing["outcome"] == "fail")
        #expect(missing["value"] == 2)
        #expect(missing["failed_rows"]?.arrayValue?.map { $0["line"] } == [6, 12])
        #expect(missing["failed_rows"]?.arrayValue?.first?["values"]?["id"] == "5")
        #expect(json["checks"]?.arrayValue?.last?["outcome"] == "warn")
        #expect(json["summary"] == "2 checks: 0 passed, 1 warned, 1 failed, 0 errors")
    }

    @Test("warn only is exit 0; an error result (a column the data lacks) is exit 1 with the reason")
    func warnAndError() throws {
        let scratch = try ScratchDirectory()
        let warn = try scratch.file("warn.yml", "checks for orders:\n  - row_count:\n      warn: when > 10\n")
        #expect(try ReportCLIProcess.run(["check", "--checks", warn, "--data", Self.orders]).status == 0)
        let error = try scratch.file("error.yml", "checks for orders:\n  - avg(nope) > 0\n  - row_count = 12\n")
        let run = try ReportCLIProcess.run(["check", "--checks", error, "--data", Self.orders])
        #expect(run.status == 1)
        let json = try JSONReader.parse(run.stdout)
        #expect(json["checks"]?.arrayValue?.first?["reason"]?.stringValue?.hasPrefix("orders has no column 'nope'") == true)
        #expect(json["checks"]?.arrayValue?.last?["outcome"] == "pass")
    }

    @Test("a bad checks file: exit 2, FILE:LINE:COL, the check and what is wrong, no output")
    func badFile() throws {
        let scratch = try ScratchDirectory()
        let checks = try scratch.file("bad.yml", "checks for orders:\n  - row_count = 12\n  - foo_count(status) = 0\n")
        let run = try ReportCLIProcess.run(["check", "--checks", checks, "--data", Self.orders])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(checks):3:5: error: checks: check 'foo_count(status) = 0': unknown metric 'foo_count'"), "\(run.stderr)")
        #expect(run.stderr.contains("    ^"), "a caret under the column")
    }

    @Test("a source that cannot be read: exit 3 naming the dataset")
    func unreadable() throws {
        let scratch = try ScratchDirectory()
        let checks = try scratch.file("c.yml", "checks for orders:\n  - row_count = 12\n")
        let missing = try ReportCLIProcess.run(["check", "--checks", checks, "--data", "orders=\(scratch.url.path)/nope.csv"])
        #expect(missing.status == 3, "\(missing.stderr)")
        #expect(missing.stderr.contains("could not read dataset 'orders'"), "\(missing.stderr)")
        let broken = try scratch.file("broken.csv", "a,b\n1,\"unclosed\n")
        let malformed = try ReportCLIProcess.run(["check", "--checks", checks, "--data", "orders=\(broken)"])
        #expect(malformed.status == 3, "\(malformed.stderr)")
    }

    @Test("--types, --var and --history: a change check reads the earlier run's metrics")
    func history() throws {
        let scratch = try ScratchDirectory()
        let first = try scratch.file("first.yml", "checks for orders:\n  - avg(amount) > ${MIN}\n")
        let day1 = try ReportCLIProcess.run([
            "check", "--checks", first, "--data", Self.orders, "--types", "orders.amount=number", "--var", "MIN=0", "--now", "2024-03-09T12:00:00Z",
        ])
        #expect(day1.status == 0, "\(day1.stderr)")
        let earlier = try scratch.file("day1.json", day1.stdout)
        let second = try scratch.file("second.yml", "checks for orders:\n  - change for row_count = 0\n  - change for avg(amount) = 0\n")
        let noHistory = try ReportCLIProcess.run(["check", "--checks", second, "--data", Self.orders, "--now", "2024-03-10T12:00:00Z"])
        #expect(noHistory.status == 1)
        #expect(noHistory.stdout.contains("no earlier run"))
        let day2 = try ReportCLIProcess.run([
            "check", "--checks", second, "--data", Self.orders, "--types", "orders.amount=number", "--now", "2024-03-10T12:00:00Z", "--history", earlier,
        ])
        #expect(day2.status == 0, "\(day2.stdout)")
    }

    @Test("usage errors: --data without =, an unknown type")
    func usage() throws {
        let run = try ReportCLIProcess.run(["check", "--checks", "\(Self.folder)checks/thresholds.yml", "--data", "orders"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("needs NAME=PATH"))
        let types = try ReportCLIProcess.run(["check", "--checks", "\(Self.folder)checks/thresholds.yml", "--data", Self.orders, "--types", "orders.id=int"])
        #expect(types.status == 2)
        #expect(types.stderr.contains("unknown type 'int'"))
    }
}
