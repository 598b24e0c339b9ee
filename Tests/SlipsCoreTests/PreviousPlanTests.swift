import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import SlipsCore

@Suite("Previous plan: the walk across the window")
struct PreviousPlanTests {
    let cutoff = Timestamp.parse("2020-04-17T04:05:06Z")!

    /// Versions 1...n of svc in ABC with these `updated` values (nil: the version is absent).
    func walk(latest: Int, updated: [Int: String?]) async throws -> (PreviousPlan, [Int]) {
        var asked: [Int] = []
        let current = BuildableItem(Row.plan("svc", 0, "ABC", latest: latest, date: "2020-05-01").objectValue!)
        let result = try await PreviousPlan.find(current: current, cutoff: cutoff, logger: .silent) { version in
            asked.append(version)
            guard let entry = updated[version] else { return nil }
            return BuildableItem(Row.plan("svc", version, "ABC", latest: latest, date: "2020-01-0\(version)", updated: entry, planName: nil).objectValue!)
        }
        return (result, asked)
    }

    func version(_ result: PreviousPlan) -> String? {
        if case .found(let item) = result { return item.instance }
        return nil
    }

    @Test func previousIsTheVersionBeforeTheEarliestInWindow() async throws {
        let (result, asked) = try await walk(latest: 3, updated: [3: "2020-04-20", 2: "2020-04-18", 1: "2020-04-01"])
        #expect(version(result) == "svc:v1:ABC")
        #expect(asked == [3, 2, 1])  // v1 fetched once: by the walk, then reused
    }

    @Test func updatedEqualToCutoffIsInTheWindow() async throws {
        let (result, _) = try await walk(latest: 2, updated: [2: "2020-04-17T04:05:06Z", 1: "2020-04-01"])
        #expect(version(result) == "svc:v1:ABC")
    }

    @Test func updatedOneSecondBeforeCutoffIsOutside() async throws {
        let (result, _) = try await walk(latest: 2, updated: [2: "2020-04-17T04:05:05Z", 1: "2020-04-01"])
        #expect(version(result) == "svc:v2:ABC")  // no in-window edit: compare with version_latest
    }

    @Test func versionOneInTheWindowIsItselfThePrevious() async throws {
        let (result, asked) = try await walk(latest: 2, updated: [2: "2020-04-20", 1: "2020-04-19"])
        #expect(version(result) == "svc:v1:ABC")
        #expect(asked == [2, 1])
    }

    @Test func noInWindowEditComparesWithLatest() async throws {
        let (result, _) = try await walk(latest: 6, updated: [6: "2020-04-01"])
        #expect(version(result) == "svc:v6:ABC")
    }

    @Test func latestZeroHasNoHistory() async throws {
        let (result, asked) = try await walk(latest: 0, updated: [:])
        #expect(result == .noHistory)
        #expect(asked.isEmpty)
    }

    @Test func missingMiddleVersionStopsTheWalk() async throws {
        let (result, asked) = try await walk(latest: 4, updated: [4: "2020-04-20", 2: "2020-04-20", 1: "2020-04-20"])
        #expect(result == .missing(version: 3))
        #expect(asked == [4, 3])
    }

    @Test func missingLatestRecordIsReported() async throws {
        let (result, _) = try await walk(latest: 5, updated: [:])
        #expect(result == .missing(version: 5))
    }

    @Test func versionWithoutUpdatedStopsTheWalk() async throws {
        let (result, _) = try await walk(latest: 3, updated: [3: "2020-04-20", 2: nil, 1: "2020-04-20"])
        // v2 exists without `updated` → walk stops at v3, previous is v2.
        #expect(version(result) == "svc:v2:ABC")
    }

    @Test func historyRecordWithUnreadableDateIsBadInput() async throws {
        let current = BuildableItem(Row.plan("svc", 0, "ABC", latest: 1, date: "2020-05-01").objectValue!)
        await #expect(throws: SlipsError.badItem("SERVICE", "svc:v1:ABC", field: "date", problem: "is 'soon', expected a date or timestamp such as 2020-04-26 or 2020-04-26T10:00:00Z")) {
            _ = try await PreviousPlan.find(current: current, cutoff: cutoff, logger: .silent) { _ in
                BuildableItem(Row.plan("svc", 1, "ABC", latest: 1, date: "soon", updated: "2020-04-20").objectValue!)
            }
        }
    }
}
