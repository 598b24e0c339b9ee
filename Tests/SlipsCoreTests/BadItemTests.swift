import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import SlipsCore

@Suite("Bad items are bad input")
struct BadItemTests {
    func expectBad(_ rows: [JSONValue], _ expected: SlipsError) async {
        await #expect(throws: expected) { _ = try await report(rows) }
    }

    @Test func regionWithoutVersionInstance() async {
        await expectBad(
            [["artifact": "REGION", "instance": "ABC:v0", "date": "2020-01-01"]],
            .badItem("REGION", "ABC:v0", field: "version_instance", problem: "is missing or empty"))
    }

    @Test func regionWithUnreadableDate() async {
        await expectBad(
            [Row.region("ABC", launch: "next spring")],
            .badItem("REGION", "ABC:v0", field: "date", problem: "is 'next spring', expected a date or timestamp such as 2020-04-26 or 2020-04-26T10:00:00Z"))
    }

    @Test func planWithoutVersionLatest() async {
        var plan = Row.plan("svc", 0, "ABC", latest: 0).objectValue!
        plan["version_latest"] = nil
        await expectBad(launched([Row.service("svc"), .object(plan)]),
                        .badItem("SERVICE", "svc:v0:ABC", field: "version_latest", problem: "is missing or empty"))
    }

    @Test func planWithEmptyBelongsToInstance() async {
        var plan = Row.plan("svc", 0, "ABC", latest: 0).objectValue!
        plan["belongs_to_instance"] = ""
        await expectBad(launched([Row.service("svc"), .object(plan)]),
                        .badItem("SERVICE", "svc:v0:ABC", field: "belongs_to_instance", problem: "is missing or empty"))
    }

    @Test func planWithUnreadableUpdated() async {
        await expectBad(launched([Row.service("svc"), Row.plan("svc", 0, "ABC", latest: 0, updated: "2020-02-30")]),
                        .badItem("SERVICE", "svc:v0:ABC", field: "updated", problem: "is '2020-02-30', expected a date or timestamp such as 2020-04-26 or 2020-04-26T10:00:00Z"))
    }

    @Test func serviceWithFractionalVersion() async {
        var service = Row.service("svc").objectValue!
        service["version_instance"] = 0.5
        await expectBad(launched([.object(service)]),
                        .badItem("SERVICE", "svc:v0", field: "version_instance", problem: "is 0.5, expected a whole number of 0 or more"))
    }

    @Test func otherArtifactsAreIgnored() async throws {
        let rows = launched([
            ["artifact": "TEAM", "instance": "x"], Row.service("svc"), Row.service("other"),
            Row.plan("other", 0, "ABC", latest: 0, date: "2020-09-01"),
        ])
        let (payload, _) = try await report(rows)
        #expect(payload.unplanned.map(\.ripName) == ["svc"])
    }

    @Test func errorTextNamesItemAndField() {
        let error = SlipsError.badItem("SERVICE", "svc:v0:ABC", field: "date", problem: "is missing or empty")
        #expect(error.description == "item SERVICE 'svc:v0:ABC': field 'date' is missing or empty")
        #expect(error.category == .badInput)
    }
}
