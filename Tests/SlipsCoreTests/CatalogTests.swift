import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import SlipsCore

@Suite("Services, regions and plans")
struct CatalogTests {
    @Test func unlaunchedRegionPlansAreDroppedFirst() async throws {
        let rows = launched([
            Row.region("ZZZ", launch: "2020-06-01"),
            Row.service("svc"),
            Row.plan("svc", 0, "ABC", latest: 0, date: "2020-06-01"),
            Row.plan("svc", 0, "ZZZ", latest: 0, date: "2020-06-01"),
        ])
        let (payload, _) = try await report(rows)
        #expect(payload.unplanned.isEmpty)  // ZZZ is not considered at all
    }

    @Test func regionLaunchingExactlyNowCountsAsLaunched() throws {
        let regions = [BuildableItem(Row.region("NOW", launch: "2020-05-01T04:05:06Z").objectValue!),
                       BuildableItem(Row.region("SOON", launch: "2020-05-01T04:05:07Z").objectValue!)]
        #expect(try UnlaunchedRegions.codes(in: regions, now: may1) == ["SOON"])
    }

    @Test func launchDateWithOffsetIsComparedAsAnInstant() throws {
        // 06:00+02:00 is 04:00Z, before now (04:05:06Z); the original compared strings.
        let regions = [BuildableItem(Row.region("OFF", launch: "2020-05-01T06:00:00+02:00").objectValue!)]
        #expect(try UnlaunchedRegions.codes(in: regions, now: may1).isEmpty)
    }

    @Test func onlyVersionZeroRegionsDecideLaunch() throws {
        let regions = [BuildableItem(Row.region("OLD", launch: "2021-01-01", version: 1).objectValue!)]
        #expect(try UnlaunchedRegions.codes(in: regions, now: may1).isEmpty)
    }

    @Test func planBelongsToTheServiceItsInstanceNames() throws {
        let items = [
            Row.service("alpha"), Row.service("beta"),
            Row.plan("alpha", 0, "ABC", latest: 0, date: "2020-01-01", planName: "beta"),
        ].map { BuildableItem($0.objectValue!) }
        let catalog = try ServiceCatalog.build(plannedItems: items, unlaunched: [], logger: .silent)
        #expect(catalog.services.map(\.ripName) == ["alpha", "beta"])
        #expect(catalog.services[0].plans.keys.sorted() == ["ABC"])
        #expect(catalog.services[1].plans.isEmpty)
    }

    @Test func servicesComeInPlanThenInstanceOrder() throws {
        let items = [
            Row.service("zeta", plan: "a-plan"), Row.service("alpha", plan: "b-plan"), Row.service("Mid", plan: "b-plan"),
        ].map { BuildableItem($0.objectValue!) }
        let catalog = try ServiceCatalog.build(plannedItems: items, unlaunched: [], logger: .silent)
        #expect(catalog.services.map(\.ripName) == ["zeta", "Mid", "alpha"])
    }

    @Test func plansOfIgnoredServicesDoNotAddRegions() async throws {
        let rows = launched([
            Row.service("kept"), Row.service("noplan", plan: nil),
            Row.plan("kept", 0, "ABC", latest: 0, date: "2020-01-01"),
            Row.plan("noplan", 0, "DEF", latest: 0, date: "2020-01-01"),
        ])
        let (payload, _) = try await report(rows)
        #expect(payload.unplanned.isEmpty)  // DEF is not a region considered, so "kept" lacks nothing
    }

    @Test(arguments: [
        (["name_sortable": "S", "name_sales": "A", "name_long": "L"], JSONValue.string("S")),
        (["name_sales": "A", "name_marketing": "M", "name_long": "L"], .string("A")),
        (["name_marketing": "M", "name_long": "L"], .string("M")),
        (["name_long": "L"], .string("L")),
        (["name_sortable": "", "name_long": "L"], .string("")),
        ([:], .string("svc")),
    ] as [([String: JSONValue], JSONValue)])
    func namePrettyPrecedence(fields: [String: JSONValue], expected: JSONValue) {
        let service = TrackedService(ripName: "svc", metadata: BuildableItem(Row.service("svc", fields).objectValue!), plans: [:])
        #expect(service.namePretty == expected)
    }

    @Test func laterItemWinsForTheSameServiceAndRegion() throws {
        let items = [
            Row.service("svc"),
            Row.plan("svc", 0, "ABC", latest: 0, date: "2020-01-01", planName: "a"),
            .object({
                var other = Row.plan("svc", 0, "ABC", latest: 0, date: "2020-02-02", planName: "b").objectValue!
                other["instance"] = "svc:v0:ABC-second"
                return other
            }()),
        ].map { BuildableItem($0.objectValue!) }
        let catalog = try ServiceCatalog.build(plannedItems: items, unlaunched: [], logger: .silent)
        #expect(catalog.services[0].plans["ABC"]?["date"] == "2020-02-02")
    }
}
