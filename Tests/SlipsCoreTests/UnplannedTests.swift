import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import SlipsCore

@Suite("Unplanned services and notes")
struct UnplannedTests {
    @Test(arguments: [
        ["status": "GA"], ["status": "IA"], ["confidence": "Complete"], ["date": "2020-09-01"],
    ] as [[String: JSONValue]])
    func validPlansAreNotListed(fields: [String: JSONValue]) async throws {
        let rows = launched([Row.service("svc"), Row.plan("svc", 0, "ABC", latest: 0, fields)])
        let (payload, _) = try await report(rows)
        #expect(payload.unplanned.isEmpty)
    }

    @Test(arguments: [
        ["status": "Planned"], ["status": "ga"], ["confidence": "High"], [:],
    ] as [[String: JSONValue]])
    func otherPlansAreListed(fields: [String: JSONValue]) async throws {
        let rows = launched([Row.service("svc"), Row.plan("svc", 0, "ABC", latest: 0, fields)])
        let (payload, _) = try await report(rows)
        #expect(payload.unplanned.map(\.ripName) == ["svc"])
    }

    @Test func regionsAreCommaSeparatedWithoutNotes() async throws {
        let rows = launched([
            Row.service("svc"), Row.service("other"),
            Row.plan("other", 0, "DEF", latest: 0, date: "2020-09-01"),
            Row.plan("other", 0, "ABC", latest: 0, date: "2020-09-01"),
        ])
        let (payload, _) = try await report(rows)
        #expect(payload.payload["unplanned"] == [[
            "has_notes": false, "name_pretty": "svc", "name_rip": "svc",
            "regions": [["region": "ABC", "separator": ","], ["region": "DEF", "separator": ""]],
        ]])
        #expect(payload.payload["unplanned_count"] == 1)
    }

    @Test func aNoteSwitchesToTheDetailedListing() async throws {
        let rows = launched([
            Row.service("svc"), Row.service("other"),
            Row.plan("svc", 0, "ABC", latest: 0, updated: "2020-04-02T10:00:00Z", ["note": "waiting on hardware", "updater": "system"]),
            Row.plan("other", 0, "DEF", latest: 0, date: "2020-09-01"),
        ])
        let (payload, _) = try await report(rows)
        #expect(payload.payload["unplanned"]?.arrayValue?.first == [
            "has_notes": false, "name_pretty": "other", "name_rip": "other",
            "regions": [["region": "ABC", "separator": ""]],
        ])
        #expect(payload.payload["unplanned"]?.arrayValue?.last == [
            "has_notes": true, "name_pretty": "svc", "name_rip": "svc",
            "regions": [
                ["note": "waiting on hardware", "region": "ABC", "updated": "2020-04-02", "updater": ""],
                ["note": .null, "region": "DEF", "updated": .null, "updater": .null],
            ],
        ])
    }

    @Test func emptyNoteDoesNotCount() async throws {
        let rows = launched([Row.service("svc"), Row.plan("svc", 0, "ABC", latest: 0, ["note": ""])])
        let (payload, _) = try await report(rows)
        #expect(payload.unplanned.first?.hasNotes == false)
    }

    @Test func noteOnAValidPlanDoesNotCount() async throws {
        let rows = launched([
            Row.service("svc"),
            Row.plan("svc", 0, "ABC", latest: 0, date: "2020-09-01", ["note": "on track"]),
            Row.plan("svc", 0, "DEF", latest: 0),
        ])
        let (payload, _) = try await report(rows)
        #expect(payload.unplanned.first?.hasNotes == false)
        #expect(payload.unplanned.first?.regions.map(\.code) == ["DEF"])
    }

    @Test func unplannedIsSortedByNameByCodePoints() async throws {
        let rows = launched([
            Row.service("s1", ["name_sortable": "beta"]),
            Row.service("s2", ["name_sortable": "Zulu"]),
            Row.service("s3", ["name_sortable": "alpha"]),
            Row.service("s4", ["name_sortable": "Zulu"]),
            Row.plan("s1", 0, "ABC", latest: 0),
        ])
        let (payload, _) = try await report(rows)
        #expect(payload.unplanned.map(\.ripName) == ["s2", "s4", "s3", "s1"])
    }
}
