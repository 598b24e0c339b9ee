import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Quality run")
struct QualityRunTests {
    static let three = """
        reports:
          - name: First
            kind: fake
            mode: ok
          - name: Second One
            kind: fake
            mode: throw
          - name: Third
            kind: fake
            mode: ok
        """

    static let behaving = RunFixture.catalog { entry, _ in
        if case .custom(let options) = entry.options, options["mode"] == "throw" { throw RunFixture.Boom() }
        return ReportResult(
            attachments: [SlackAttachment(title: entry.name, text: "fine")],
            files: [RunFixture.file("out.csv", "a\n1\n"), RunFixture.file("deep/more.json", "{}", .json)],
            headline: [Headline(name: "rows", value: 1)])
    }

    @Test func aThrowingReportFailsAloneAndTheOthersAreWritten() async throws {
        let store = InMemoryObjectStore()
        let outcome = try await RunFixture.run(Self.behaving, store: store).run(try RunFixture.registry(Self.three), options: RunFixture.options())
        #expect(outcome.status == .completedWithFailures)
        #expect(outcome.manifest.reports.map(\.status) == [.ok, .failed, .ok])
        let failed = outcome.manifest.reports[1]
        #expect(failed.error == "boom: the fake report broke\nsecond line")
        #expect(failed.files.isEmpty)
        #expect(store.keys.contains("20240315-reports/First/out.csv"))
        #expect(store.keys.contains("20240315-reports/Third/deep/more.json"))
        #expect(!store.keys.contains { $0.text.hasPrefix("20240315-reports/Second_One/") })
        #expect(store.contentType("20240315-reports/First/out.csv") == "text/csv; charset=utf-8")
        #expect(store.contentType("20240315-reports/Third/deep/more.json") == "application/json")
    }

    @Test func theManifestListsEveryFileWithItsHashAndIsWrittenBeforeTheRunsIndex() async throws {
        let store = InMemoryObjectStore()
        let outcome = try await RunFixture.run(Self.behaving, store: store).run(try RunFixture.registry(Self.three), options: RunFixture.options())
        let order = store.putOrder
        #expect(order.suffix(2) == ["20240315-reports/index.json", "runs.json"])
        let file = try #require(outcome.manifest.reports[0].files.first)
        #expect(file.key == "20240315-reports/First/out.csv")
        #expect(file.bytes == 4)
        #expect(file.sha256 == SHA256.hex(Array("a\n1\n".utf8)))
        let stored = try #require(try await store.get("20240315-reports/index.json"))
        #expect(try RunManifest(bytes: [UInt8](stored)) == outcome.manifest)
        let index = try RunsIndex(bytes: [UInt8](try #require(try await store.get("runs.json"))))
        #expect(index.runs.map(\.day) == [RunFixture.day])
        #expect(index.runs[0].failed == 1)
    }

    @Test func aReportPastItsTimeOutFailsAndTheRunGoesOn() async throws {
        let catalog = RunFixture.catalog { entry, _ in
            if entry.name == "Slow" {
                // Ignores cancellation, as a database call would, and takes five minutes.
                await withCheckedContinuation { done in DispatchQueue.global().asyncAfter(deadline: .now() + 300) { done.resume() } }
            }
            return ReportResult(files: [RunFixture.file("x.csv", "x\n")])
        }
        let registry = try RunFixture.registry("reports:\n  - {name: Slow, kind: fake}\n  - {name: Quick, kind: fake}\n")
        let started = Date()
        let outcome = try await RunFixture.run(catalog, store: InMemoryObjectStore()).run(registry, options: RunFixture.options { $0.timeout = 2; $0.concurrency = 2 })
        // The run did not wait for the five minutes (a loaded test machine may be slow to
        // schedule the rest, so no tighter bound).
        #expect(Date().timeIntervalSince(started) < 250)
        #expect(outcome.manifest.reports.map(\.status) == [.failed, .ok])
        #expect(outcome.manifest.reports[0].error == "timed out after 2.00 s")
    }

    @Test func concurrencyRunsReportsAtOnceUpToTheLimit() async throws {
        let counter = Gauge()
        let catalog = RunFixture.catalog { _, _ in
            counter.enter()
            try await Task.sleep(nanoseconds: 100_000_000)
            counter.leave()
            return ReportResult()
        }
        let registry = try RunFixture.registry("reports:\n" + (1...6).map { "  - {name: R\($0), kind: fake}\n" }.joined())
        _ = try await RunFixture.run(catalog, store: InMemoryObjectStore()).run(registry, options: RunFixture.options { $0.concurrency = 3 })
        #expect(counter.peak == 3)
        _ = try await RunFixture.run(catalog, store: InMemoryObjectStore()).run(registry, options: RunFixture.options { $0.concurrency = 1 })
        #expect(counter.peak == 1)
    }

    @Test func progressNamesTheReportItsNumberAndSeconds() async throws {
        let log = RecordingLogHandler()
        let run = QualityRun(
            catalog: Self.behaving, store: InMemoryObjectStore(), tables: MemoryTableOpener(), publisher: nil,
            clock: FixedClock(RunFixture.instant), stopwatch: TickingStopwatch(), logger: log.logger(.info))
        _ = try await run.run(try RunFixture.registry(Self.three), options: RunFixture.options { $0.concurrency = 1 })
        let lines = log.lines.map(\.message)
        #expect(lines.contains("[1/3] First (fake) started"))
        #expect(lines.contains("[1/3] First: ok in 1.00 s, 2 files"))
        #expect(lines.contains("[2/3] Second One: failed in 1.00 s: boom: the fake report broke"))
    }

    @Test func theExitStatusMapsReportsAndDelivery() {
        func report(_ status: ReportStatus) -> ManifestReport {
            ManifestReport(name: "r", folder: try! ReportFolder(reportName: "r"), kind: .sql, status: status, seconds: 0, files: [], attachments: [], request: nil, headline: [])
        }
        #expect(RunOutcome.status(reports: [report(.ok), report(.warn)], delivery: nil) == .success)
        #expect(RunOutcome.status(reports: [report(.ok), report(.failed)], delivery: .init(status: .sent, messages: 1)) == .completedWithFailures)
        #expect(RunOutcome.status(reports: [report(.ok)], delivery: .init(status: .failed, error: "x", messages: 0)) == .outsideSystem)
        #expect(RunOutcome.status(reports: [report(.failed)], delivery: .init(status: .failed, error: "x", messages: 0)) == .outsideSystem)
    }

    @Test func aRerunOfTheDayRemovesFilesItNoLongerMakesAfterTheManifest() async throws {
        let store = InMemoryObjectStore()
        let registry = try RunFixture.registry(Self.three)
        _ = try await RunFixture.run(Self.behaving, store: store).run(registry, options: RunFixture.options())
        try await store.put("20240315-reports/Gone/old.csv", Data("x".utf8))
        let fewer = RunFixture.catalog { entry, _ in ReportResult(files: [RunFixture.file("out.csv", "b\n")]) }
        let outcome = try await RunFixture.run(fewer, store: store).run(registry, options: RunFixture.options())
        #expect(Set(outcome.removed) == ["20240315-reports/First/deep/more.json", "20240315-reports/Third/deep/more.json", "20240315-reports/Gone/old.csv"])
        let left = store.keys.filter { $0.text.hasPrefix("20240315-reports/") }
        #expect(left == ["20240315-reports/First/out.csv", "20240315-reports/Second_One/out.csv", "20240315-reports/Third/out.csv", "20240315-reports/index.json"])
        #expect(try await store.get("20240315-reports/First/out.csv") == Data("b\n".utf8))
    }

    @Test func anOnlyRunKeepsTheDaysOtherReports() async throws {
        let store = InMemoryObjectStore()
        let registry = try RunFixture.registry(Self.three)
        _ = try await RunFixture.run(Self.behaving, store: store).run(registry, options: RunFixture.options())
        let outcome = try await RunFixture.run(Self.behaving, store: store).run(registry, options: RunFixture.options { $0.only = ["Third"] })
        #expect(outcome.manifest.reports.map(\.name) == ["First", "Second One", "Third"])
        #expect(outcome.removed.isEmpty)
        #expect(store.keys.contains("20240315-reports/First/out.csv"))
        await #expect(throws: RunSelectionError.self) {
            try await RunFixture.run(Self.behaving, store: store).run(registry, options: RunFixture.options { $0.only = ["Nope"] })
        }
    }

    @Test func aDryrunWritesAndSendsNothingAndShowsTheRequests() async throws {
        let store = InMemoryObjectStore()
        let slack = RecordingMessagePublisher()
        let outcome = try await RunFixture.run(Self.behaving, store: store, publisher: slack)
            .run(try RunFixture.registry(Self.three), options: RunFixture.options { $0.dryrun = true })
        #expect(store.keys.isEmpty)
        #expect(slack.messages.isEmpty)
        #expect(outcome.manifest.delivery == .init(status: .dryrun, messages: 1))
        #expect(outcome.slackRequests.count == 1)
        #expect(outcome.manifest.reports[0].files.count == 2)
        #expect(outcome.status == .completedWithFailures)
    }

    @Test func oneSlackMessageForTheRunAfterTheReportsWithFailuresShown() async throws {
        let slack = RecordingMessagePublisher()
        let outcome = try await RunFixture.run(Self.behaving, store: InMemoryObjectStore(), publisher: slack)
            .run(try RunFixture.registry(Self.three), options: RunFixture.options())
        #expect(slack.messages.count == 1)
        let message = try #require(slack.messages.first)
        #expect(message["text"] == "Quality reports 2024-03-15: 3 reports, 1 failed")
        let attachments = try #require(message["attachments"]?.arrayValue)
        #expect(attachments.map { $0["title"]?.stringValue } == ["First", "Second One failed", "Third"])
        #expect(attachments[1]["color"] == "danger")
        #expect(attachments[1]["text"] == "boom: the fake report broke")
        #expect(outcome.manifest.delivery == .init(status: .sent, messages: 1))
    }

    @Test func theMessageGoesOutAfterEveryReportRan() async throws {
        let slack = RecordingMessagePublisher()
        let seen = Gauge()
        let catalog = RunFixture.catalog { _, _ in
            if !slack.messages.isEmpty { seen.enter() }
            try await Task.sleep(nanoseconds: 20_000_000)
            return ReportResult(attachments: [SlackAttachment(text: "done")])
        }
        let registry = try RunFixture.registry("reports:\n" + (1...4).map { "  - {name: R\($0), kind: fake}\n" }.joined())
        _ = try await RunFixture.run(catalog, store: InMemoryObjectStore(), publisher: slack).run(registry, options: RunFixture.options { $0.concurrency = 2 })
        #expect(seen.peak == 0, "no report ran after a message was posted")
        #expect(slack.messages.count == 1)
        #expect(slack.messages[0]["attachments"]?.arrayValue?.count == 4)
    }

    @Test func slackFailingKeepsFilesAndManifestAndIsExit3() async throws {
        struct Down: Error, CustomStringConvertible { var description: String { "Slack at hooks.slack.com: incoming webhook failed: HTTP 503" } }
        let store = InMemoryObjectStore()
        let outcome = try await RunFixture.run(Self.behaving, store: store, publisher: RecordingMessagePublisher(failure: Down()))
            .run(try RunFixture.registry("reports:\n  - {name: First, kind: fake}\n"), options: RunFixture.options())
        #expect(outcome.status == .outsideSystem)
        #expect(outcome.manifest.delivery == .init(status: .failed, error: "Slack at hooks.slack.com: incoming webhook failed: HTTP 503", messages: 0))
        let stored = try RunManifest(bytes: [UInt8](try #require(try await store.get("20240315-reports/index.json"))))
        #expect(stored.delivery?.status == .failed)
        #expect(store.keys.contains("20240315-reports/First/out.csv"))
    }

    @Test func aStoreFailureStopsTheRunBeforeAnyManifest() async throws {
        let store = InMemoryObjectStore(failPut: { $0.text.hasSuffix("Third/out.csv") })
        await #expect(throws: ObjectStoreError.self) {
            try await RunFixture.run(Self.behaving, store: store).run(try RunFixture.registry(Self.three), options: RunFixture.options())
        }
        #expect(!store.keys.contains("20240315-reports/index.json"))
        #expect(!store.keys.contains("runs.json"))
    }

    @Test func aManifestThatCannotBeStoredAfterTheMessageIsToldToSlackToo() async throws {
        let store = InMemoryObjectStore(failPut: { $0.text.hasSuffix("index.json") })
        let slack = RecordingMessagePublisher()
        await #expect(throws: ObjectStoreError.self) {
            try await RunFixture.run(Self.behaving, store: store, publisher: slack).run(try RunFixture.registry(Self.three), options: RunFixture.options())
        }
        #expect(slack.messages.map { $0["text"]?.stringValue } == ["Quality reports 2024-03-15: 3 reports, 1 failed", "Quality reports 2024-03-15: the run failed"])
        #expect(!store.keys.contains("runs.json"))
    }

    @Test func theChecksKindWithoutAReaderFailsVisibly() async throws {
        let registry = try RunFixture.registry("reports:\n  - name: Orders checks\n    kind: checks\n    checks: checks/orders.yaml\n    data: {orders: data/orders.csv}\n")
        let outcome = try await RunFixture.run(.builtIn, store: InMemoryObjectStore()).run(registry, options: RunFixture.options())
        #expect(outcome.manifest.reports[0].status == .failed)
        #expect(outcome.manifest.reports[0].error?.hasPrefix("no 'checks' report in this build: register ChecksReport(read:)") == true)
        #expect(outcome.status == .completedWithFailures)
    }

    @Test func requestMetadataGoesWithTheReportsFiles() async throws {
        let registry = try RunFixture.registry("""
            reports:
              - name: First
                kind: fake
                request: {stakeholder: Jane Doe, contact: jane@example.org, source: {name: follower}, requested: 2024-02-01}
            """)
        let store = InMemoryObjectStore()
        let outcome = try await RunFixture.run(Self.behaving, store: store).run(registry, options: RunFixture.options())
        #expect(outcome.manifest.reports[0].files.map(\.path) == ["out.csv", "deep/more.json", "request.json"])
        let text = String(decoding: try #require(try await store.get("20240315-reports/First/request.json")), as: UTF8.self)
        #expect(text.contains("\"stakeholder\": \"Jane Doe\""))
        #expect(outcome.manifest.reports[0].request?.stakeholder == "Jane Doe")
    }

    @Test func companionsAddFilesBesideEveryReportAndNeverReplaceTheReportsOwn() async throws {
        struct Page: ReportCompanion {
            var historyRuns: Int { 5 }
            func files(for report: ManifestReport, day: CalendarDay, files: [ReportFile], history: [RunManifest]) throws -> [ReportFile] {
                let text = "\(report.name) \(report.status.rawValue) \(files.count) files, \(history.count) earlier runs"
                return [ReportFile(path: "report.html", contentType: .html, bytes: Array(text.utf8)), ReportFile(path: "out.csv", contentType: .csv, bytes: [])]
            }
        }
        let store = InMemoryObjectStore()
        var run = RunFixture.run(Self.behaving, store: store)
        run.companions = [Page()]
        _ = try await run.run(try RunFixture.registry(Self.three), options: RunFixture.options { $0.day = try! CalendarDay("2024-03-14") })
        let outcome = try await run.run(try RunFixture.registry(Self.three), options: RunFixture.options())
        #expect(outcome.manifest.reports[0].files.map(\.path) == ["out.csv", "deep/more.json", "report.html"])
        #expect(outcome.manifest.reports[1].files.map(\.path) == ["report.html", "out.csv"])
        #expect(try await store.get("20240315-reports/Second_One/report.html") == Data("Second One failed 0 files, 1 earlier runs".utf8))
        #expect(try await store.get("20240315-reports/First/out.csv") == Data("a\n1\n".utf8))
    }

    @Test func aFileWhoseKeyIsTooLongFailsTheReportNotTheRun() async throws {
        let long = try ObjectKey(Array(repeating: String(repeating: "a", count: 203), count: 5).joined(separator: "/"))
        let catalog = RunFixture.catalog { entry, _ in
            ReportResult(files: [RunFixture.file(entry.name == "A" ? long : "ok.csv", "1")])
        }
        let outcome = try await RunFixture.run(catalog, store: InMemoryObjectStore())
            .run(try RunFixture.registry("reports:\n  - {name: A, kind: fake}\n  - {name: B, kind: fake}\n"), options: RunFixture.options())
        #expect(outcome.manifest.reports.map(\.status) == [.failed, .ok])
        #expect(outcome.manifest.reports[0].error?.contains("can't be stored under 20240315-reports/A/") == true)
    }

    @Test func aStoreWhoseRunsIndexIsNotOneStopsTheRunBeforeAnyReport() async throws {
        let store = InMemoryObjectStore(["runs.json": Data(#"{"runs": [{"date": "2024-13-01", "manifest": "x/index.json", "reports": []}]}"#.utf8)])
        let ran = Gauge()
        let catalog = RunFixture.catalog { _, _ in ran.enter(); return ReportResult() }
        do {
            _ = try await RunFixture.run(catalog, store: store).run(try RunFixture.registry("reports:\n  - {name: A, kind: fake}\n"), options: RunFixture.options())
            Issue.record("expected the run to stop")
        } catch let error as RunRecordError {
            #expect(error.description == "the store's runs.json: runs[0].date: '2024-13-01' is not a day of the calendar")
            #expect(error.category == .outsideSystem)
        }
        #expect(ran.peak == 0)
        #expect(store.keys == ["runs.json"])
    }

    @Test func manifestsAndTheIndexReadBackAsWritten() throws {
        let request = ReportRequest(stakeholder: "Jane", contact: try .init("https://chat.example.org/u/jane"), source: RequestSource(name: "f", database: "db", production: true), ticket: try .init("DATA-1"), requested: RunFixture.day, reviewer: "Sam")
        let report = ManifestReport(
            name: "A b", folder: try ReportFolder(reportName: "A b"), kind: .custom("fake"), status: .warn, seconds: 1.25, error: "e",
            files: [ManifestFile(key: "20240315-reports/A_b/x.csv", path: "x.csv", contentType: .csv, bytes: 3, sha256: String(repeating: "ab", count: 32))],
            attachments: [try SlackAttachment(json: SlackAttachment(color: .good, title: "t", fields: [.init(title: "f", value: "1", short: true)]).json)],
            request: request, headline: [Headline(name: "rows", value: 3)])
        let manifest = RunManifest(day: RunFixture.day, started: RunFixture.instant, seconds: 2, version: "v", reports: [report], delivery: .init(status: .failed, error: "x", messages: 0))
        #expect(try RunManifest(bytes: manifest.bytes) == manifest)
        let index = RunsIndex(runs: [RunsIndex.Entry(manifest)])
        #expect(try RunsIndex(bytes: index.bytes) == index)
        #expect(index.runs[0].warned == 1)
        var broken = manifest.json.objectValue!
        broken["reports"] = [["name": "A"]]
        #expect(throws: RunRecordError(field: "reports[0].folder", problem: "missing")) { try RunManifest(json: .object(broken)) }
    }

    @Test func twoFilesAtOnePathFailTheReport() async throws {
        let catalog = RunFixture.catalog { _, _ in ReportResult(files: [RunFixture.file("a.csv", "1"), RunFixture.file("a.csv", "2")]) }
        let outcome = try await RunFixture.run(catalog, store: InMemoryObjectStore()).run(try RunFixture.registry("reports:\n  - {name: A, kind: fake}\n"), options: RunFixture.options())
        #expect(outcome.manifest.reports[0].error == "the report returned two files at 'a.csv'")
    }
}

/// Counts reports running at once and keeps the highest count.
final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private var highest = 0
    func enter() { lock.withLock { now += 1; highest = max(highest, now) } }
    func leave() { lock.withLock { now -= 1 } }
    var peak: Int {
        lock.withLock {
            defer { highest = 0 }
            return highest
        }
    }
}
