import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import SlipsCore

@Suite("Plan comparisons in two halves")
struct PlanComparisonsTests {
    static let cutoff = Timestamp.parse("2020-04-17T04:05:06Z")!

    /// `count` services with a plan in ABC and DEF: slips, improvements, small moves, plans
    /// whose previous version is missing (a warning each), and `bad` services whose previous
    /// plan has an unreadable date.
    static func table(count: Int, bad: Set<Int> = []) -> [JSONValue] {
        var rows = [Row.region("ABC", launch: "2020-01-01"), Row.region("DEF", launch: "2020-01-01")]
        for index in 0..<count {
            let rip = "svc\(index)"
            rows.append(Row.service(rip))
            for (offset, region) in ["ABC", "DEF"].enumerated() {
                let moved = [45, -40, 3, 0][(index + offset) % 4]
                rows.append(Row.plan(rip, 0, region, latest: 2, date: Self.day(100 + moved), updated: "2020-04-20"))
                rows.append(Row.plan(rip, 2, region, latest: 2, date: Self.day(100 + moved), updated: "2020-04-20"))
                if (index + offset) % 7 == 3 { continue }  // v1 missing: "cannot compare"
                let date: JSONValue = bad.contains(index) && offset == 1 ? "not a date" : .string(Self.day(100))
                rows.append(Row.plan(rip, 1, region, latest: 2, ["date": date, "updated": "2020-03-01"]))
            }
        }
        return rows
    }

    static func day(_ offset: Int) -> String {
        Timestamp.day(Timestamp.parse("2020-01-01")!.addingTimeInterval(Double(offset) * 86_400))
    }

    /// The changes (or the error) and the log lines of one run over `rows`.
    static func compare(_ rows: [JSONValue], inHalves: Bool) async throws -> (changes: Result<[String], SlipsError>, log: [String]) {
        let store = InMemoryBuildables(rows)
        let catalog = try ServiceCatalog.build(
            plannedItems: try await store.plannedItems(artifact: "SERVICE"), unlaunched: [], logger: .silent)
        let log = RecordingLogHandler()
        let logger = log.logger(.info)
        do {
            let found = inHalves
                ? try await PlanComparisons.inHalves(
                    services: catalog.services, regions: catalog.regions, store: store, cutoff: cutoff, options: SlipsOptions(), logger: logger)
                : try await PlanComparisons.run(
                    services: catalog.services[...], regions: catalog.regions, store: store, cutoff: cutoff, options: SlipsOptions(), logger: logger)
            let changes = (found.slips + [PlanChange]() + found.improvements).map { "\($0.ripName):\($0.region) \($0.days)" }
            return (.success(changes + ["slips: \(found.slips.count)"]), log.lines.map { "\($0.level) \($0.message)" })
        } catch let error as SlipsError {
            return (.failure(error), log.lines.map { "\($0.level) \($0.message)" })
        }
    }

    @Test("give the changes and log lines of one pass, in its order")
    func sameAsOnePass() async throws {
        let rows = Self.table(count: 150)
        let halves = try await Self.compare(rows, inHalves: true)
        let whole = try await Self.compare(rows, inHalves: false)
        #expect(halves.changes == whole.changes)
        #expect(halves.log == whole.log)
        let changes = try halves.changes.get()
        #expect(changes.count > 100)
        // Warnings come from both halves, in service order.
        #expect(whole.log.filter { $0.contains("cannot compare") }.count > 30)
        #expect(whole.log.first { $0.contains("svc149:") } != nil)
    }

    @Test("meet the error one pass meets first, after the log lines it wrote", arguments: [
        [120], [10], [10, 120],
    ])
    func firstError(bad: [Int]) async throws {
        let rows = Self.table(count: 150, bad: Set(bad))
        let halves = try await Self.compare(rows, inHalves: true)
        let whole = try await Self.compare(rows, inHalves: false)
        guard case .failure(let error) = whole.changes else {
            Issue.record("one pass did not fail")
            return
        }
        #expect(error.description.contains("svc\(bad[0]):v1:DEF"))
        #expect(halves.changes == whole.changes)
        #expect(halves.log == whole.log)
    }
}

@Suite("The catalog of a big plan index, checked in two halves")
struct CatalogInHalvesTests {
    /// 3,000 services with plans in six regions (21,000 items, past the halves' threshold),
    /// one unlaunched region, and `broken` items made bad in the given field.
    static func items(broken: [(index: Int, field: String)] = []) -> [BuildableItem] {
        var rows: [JSONValue] = []
        for index in 0..<3000 {
            rows.append(Row.service("svc\(index)", ["name_long": .string("Service \(index)")]))
            for region in ["ABC", "DEF", "GHI", "JKL", "MNO", "NEW"] {
                rows.append(Row.plan("svc\(index)", 0, region, latest: 1, date: "2020-05-01", updated: "2020-04-20"))
            }
        }
        var items = rows.map { BuildableItem($0.objectValue!) }
        for (index, field) in broken { items[index].attributes[field] = "not right" }
        return items
    }

    static func outcome(_ items: [BuildableItem], inHalves: Bool) async -> (String, [String]) {
        let log = RecordingLogHandler()
        do {
            let catalog = inHalves
                ? try await ServiceCatalog.buildInHalves(plannedItems: items, unlaunched: ["NEW"], logger: log.logger())
                : try ServiceCatalog.build(plannedItems: items, unlaunched: ["NEW"], logger: log.logger())
            let services = catalog.services.map { "\($0.ripName) \($0.namePretty) \($0.plans.keys.sorted())" }
            return ("\(catalog.regions) \(services)", log.lines.map(\.message))
        } catch {
            return ("error: \(error)", log.lines.map(\.message))
        }
    }

    @Test("give the catalog and the log of one pass, and its first error", arguments: [
        [], [(20_000, "version_instance")], [(100, "date"), (20_000, "version_instance")],
        [(100, "version_latest"), (20_000, "date")], [(15_000, "updated"), (19_000, "plan")],
    ] as [[(Int, String)]])
    func sameAsOnePass(broken: [(Int, String)]) async {
        let items = Self.items(broken: broken.map { (index: $0.0, field: $0.1) })
        let halves = await Self.outcome(items, inHalves: true)
        let whole = await Self.outcome(items, inHalves: false)
        #expect(halves.0 == whole.0)
        #expect(halves.1 == whole.1)
        #expect(whole.0.hasPrefix("error") == !broken.isEmpty, "\(whole.0.prefix(200))")
        if broken.isEmpty { #expect(whole.1.count == 3000) }  // one "not launched" line per service
    }
}
