import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite struct StoreRunHistoryTests {
    /// Three daily runs in one store: 13, 14 and 15 March.
    static func threeRuns() async throws -> InMemoryObjectStore {
        let store = InMemoryObjectStore()
        let registry = try RunFixture.registry(QualityRunTests.three)
        for day in ["2024-03-13", "2024-03-14", "2024-03-15"] {
            let options = RunFixture.options { $0.day = try! CalendarDay(day) }
            _ = try await RunFixture.run(QualityRunTests.behaving, store: store).run(registry, options: options)
        }
        return store
    }

    @Test func theIndexAndEachManifestAreReadOnceHoweverOftenReportsAsk() async throws {
        let store = try await Self.threeRuns()
        let history = StoreRunHistory(store: store)
        let readBefore = store.gets.count
        let all = try await history.manifests(before: try CalendarDay("2024-03-16"), limit: 30)
        let two = try await history.manifests(before: try CalendarDay("2024-03-16"), limit: 2)
        let earlier = try await history.manifests(before: try CalendarDay("2024-03-15"), limit: 30)
        #expect(all.map(\.day.description) == ["2024-03-15", "2024-03-14", "2024-03-13"])
        #expect(two == Array(all.prefix(2)))
        #expect(earlier == Array(all.dropFirst()))
        let reads = store.gets.dropFirst(readBefore).map(\.text)
        #expect(reads.sorted() == [
            "20240313-reports/index.json", "20240314-reports/index.json", "20240315-reports/index.json", "runs.json",
        ])
    }

    @Test func reportsAskingAtOnceShareTheReads() async throws {
        let store = try await Self.threeRuns()
        let history = StoreRunHistory(store: store)
        let readBefore = store.gets.count
        let day = try CalendarDay("2024-03-16")
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await history.manifests(before: day, limit: 30).count } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 3, count: 8))
        #expect(store.gets.count - readBefore == 4, "runs.json and three manifests, once each")
    }

    @Test func aListedRunWhoseManifestIsGoneIsSkipped() async throws {
        let store = try await Self.threeRuns()
        try await store.delete(try CalendarDay("2024-03-14").manifestKey)
        let history = StoreRunHistory(store: store)
        let found = try await history.manifests(before: try CalendarDay("2024-03-16"), limit: 30)
        #expect(found.map(\.day.description) == ["2024-03-15", "2024-03-13"])
    }

    @Test func aStoreWithoutRunsHasNoHistory() async throws {
        let history = StoreRunHistory(store: InMemoryObjectStore())
        #expect(try await history.manifests(before: try CalendarDay("2024-03-16"), limit: 30).isEmpty)
    }
}
