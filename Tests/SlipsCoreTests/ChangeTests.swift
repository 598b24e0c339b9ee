import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import SlipsCore

@Suite("Slips and improvements")
struct ChangeTests {
    /// One service in ABC whose plan moved from `previous` to `current` inside the window.
    func moved(from previous: String, to current: String, _ extra: [String: JSONValue] = [:]) -> [JSONValue] {
        launched([
            Row.service("svc"),
            Row.plan("svc", 0, "ABC", latest: 2, date: current, updated: "2020-04-26", extra),
            Row.plan("svc", 1, "ABC", latest: 2, date: previous, updated: "2020-04-01"),
            Row.plan("svc", 2, "ABC", latest: 2, date: current, updated: "2020-04-26"),
        ])
    }

    @Test func thirtyDaysLaterIsASlip() async throws {
        let (payload, _) = try await report(moved(from: "2020-05-01", to: "2020-05-31"))
        #expect(payload.slips.map(\.days) == [30])
        #expect(payload.improvements.isEmpty)
    }

    @Test func twentyNineDaysIsNotReported() async throws {
        let (payload, _) = try await report(moved(from: "2020-05-01", to: "2020-05-30"))
        #expect(payload.slips.isEmpty && payload.improvements.isEmpty)
    }

    @Test func thirtyDaysEarlierIsAnImprovement() async throws {
        let (payload, _) = try await report(moved(from: "2020-05-31", to: "2020-05-01"))
        #expect(payload.improvements.map(\.days) == [-30])
        #expect(payload.payload["improvements"]?.arrayValue?.first?["change"] == 30)
    }

    @Test func twentyNineAndAHalfDaysEarlierRoundsDownToThirty() async throws {
        // -29.5 days is -30 whole days, as Python's timedelta.days gives.
        let (payload, _) = try await report(moved(from: "2020-05-31T00:00:00Z", to: "2020-05-01T12:00:00Z"))
        #expect(payload.improvements.map(\.days) == [-30])
    }

    @Test func twentyNineAndAHalfDaysLaterRoundsDownToTwentyNine() async throws {
        let (payload, _) = try await report(moved(from: "2020-05-01T12:00:00Z", to: "2020-05-31T00:00:00Z"))
        #expect(payload.slips.isEmpty)
    }

    @Test func slipDeltaOptionIsInclusive() async throws {
        let (payload, _) = try await report(moved(from: "2020-05-01", to: "2020-05-08"), options: SlipsOptions(slipDelta: 7, dryRun: true))
        #expect(payload.slips.map(\.days) == [7])
        #expect(payload.payload["slip_delta"] == 7)
    }

    @Test(arguments: [0, -1])
    func slipDeltaBelowOneIsRejected(delta: Int) async throws {
        await #expect(throws: SlipsError.self) {
            _ = try await report(moved(from: "2020-05-01", to: "2020-06-08"), options: SlipsOptions(slipDelta: delta, dryRun: true))
        }
    }

    @Test func entryFieldsComeFromTheCurrentPlan() async throws {
        let (payload, _) = try await report(moved(from: "2020-05-01", to: "2020-07-01", ["updater": "ann", "note": "late parts"]))
        let entry = try #require(payload.payload["slips"]?.arrayValue?.first)
        #expect(entry == [
            "change": 61, "current": "2020-07-01", "name_pretty": "svc", "name_rip": "svc", "note": "late parts",
            "previous": "2020-05-01", "region": "ABC", "updated": "2020-04-26", "updater": "ann",
        ])
    }

    @Test(arguments: [("system", ""), ("System", "System")])
    func systemUpdaterIsShownAsNobody(updater: String, shown: String) async throws {
        let (payload, _) = try await report(moved(from: "2020-05-01", to: "2020-07-01", ["updater": .string(updater)]))
        #expect(payload.payload["slips"]?.arrayValue?.first?["updater"] == .string(shown))
    }

    @Test func missingUpdaterAndNoteAreEmptyAndMissingUpdatedIsNull() async throws {
        let rows = launched([
            Row.service("svc"),
            Row.plan("svc", 0, "ABC", latest: 1, date: "2020-07-01"),
            Row.plan("svc", 1, "ABC", latest: 1, date: "2020-05-01", updated: "2020-04-20"),
        ])
        let (payload, _) = try await report(rows)
        let entry = try #require(payload.payload["slips"]?.arrayValue?.first)
        #expect(entry["updater"] == "" && entry["note"] == "" && entry["updated"] == .null)
    }

    @Test func planWithoutDateIsNotCompared() async throws {
        let rows = launched([
            Row.service("svc"),
            Row.plan("svc", 0, "ABC", latest: 1, updated: "2020-04-26", ["status": "GA"]),
            Row.plan("svc", 1, "ABC", latest: 1, date: "2020-01-01", updated: "2020-04-20"),
        ])
        let (payload, _) = try await report(rows)
        #expect(payload.slips.isEmpty && payload.improvements.isEmpty)
    }

    @Test func missingPreviousRecordIsWarnedAndSkipped() async throws {
        let rows = launched([
            Row.service("svc"),
            Row.plan("svc", 0, "ABC", latest: 3, date: "2020-07-01", updated: "2020-04-26"),
            Row.plan("svc", 3, "ABC", latest: 3, date: "2020-07-01", updated: "2020-04-26"),
        ])
        let (payload, log) = try await report(rows)
        #expect(payload.slips.isEmpty)
        #expect(log.messages(at: .warning).contains { $0.contains("svc:v2:ABC does not exist") })
    }

    @Test func changesAreListedServiceByServiceWithRegionsSorted() async throws {
        let rows = [Row.region("ABC", launch: "2020-01-01"), Row.region("DEF", launch: "2020-01-01"), Row.region("abc", launch: "2020-01-01")]
            + ["b-svc", "a-svc"].flatMap { rip in
                [Row.service(rip, plan: rip == "b-svc" ? "p1" : "p2")] + ["abc", "DEF", "ABC"].flatMap { region in
                    [Row.plan(rip, 0, region, latest: 1, date: "2020-07-01"),
                     Row.plan(rip, 1, region, latest: 1, date: "2020-01-01", updated: "2020-04-20")]
                }
            }
        let (payload, _) = try await report(rows)
        #expect(payload.slips.map { "\($0.ripName)/\($0.region)" } == [
            "b-svc/ABC", "b-svc/DEF", "b-svc/abc", "a-svc/ABC", "a-svc/DEF", "a-svc/abc",
        ])
    }
}

@Suite("Slips and improvements: display names")
struct ChangeNameTests {
    @Test("each change carries its own service's display name, read once per service")
    func namePerService() async throws {
        let rows = [Row.region("ABC", launch: "2020-01-01"), Row.region("DEF", launch: "2020-01-01")]
            + [("a-svc", "Alpha"), ("b-svc", "Beta"), ("c-svc", nil)].flatMap { rip, name -> [JSONValue] in
                [Row.service(rip, name.map { ["name_sales": .string($0)] } ?? [:])] + ["ABC", "DEF"].flatMap { region in
                    [Row.plan(rip, 0, region, latest: 1, date: "2020-07-01"),
                     Row.plan(rip, 1, region, latest: 1, date: "2020-01-01", updated: "2020-04-20")]
                }
            }
        let (payload, _) = try await report(rows)
        #expect(payload.slips.map { "\($0.ripName)/\($0.region)=\($0.namePretty)" } == [
            "a-svc/ABC=\(JSONValue.string("Alpha"))", "a-svc/DEF=\(JSONValue.string("Alpha"))",
            "b-svc/ABC=\(JSONValue.string("Beta"))", "b-svc/DEF=\(JSONValue.string("Beta"))",
            "c-svc/ABC=\(JSONValue.string("c-svc"))", "c-svc/DEF=\(JSONValue.string("c-svc"))",
        ])
    }
}
