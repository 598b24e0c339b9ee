import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import QualityCore

/// A declared integer, number, date or timestamp column that moves from its value table to
/// one key per cell (``TypedKeys``) keeps its figures: the profile of a table that never
/// moves, on one thread and on several, merged from parts, and its first error.
@Suite struct TypedKeysTests {
    /// Mostly distinct typed columns, with spellings of one value (`2.50`, `2.5`), `-0.0`
    /// and `0`, dates in a timestamp column, zones, repeats and missing cells.
    static func text(rows: Int) -> String {
        var text = "id,amount,at,day,name\n"
        for index in 0..<rows {
            let id = index % 10 == 9 ? "" : String(index * 7 - 5_000)
            let amount = switch index % 6 {
            case 0: "\(index / 6).50"
            case 1: "\(index / 6).5"
            case 2: index % 4 == 0 ? "-0.0" : "0"
            case 3: ""
            default: String(Double(index) * -0.37)
            }
            let day = 1 + index % 28, month = 1 + index / 28 % 12, year = 2000 + index / 336
            let date = "\(year)-\(String(format: "%02d", month))-\(String(format: "%02d", day))"
            let at = switch index % 4 {
            case 0: date
            case 1: "\(date)T\(String(format: "%02d", index % 24)):\(String(format: "%02d", index % 60)):07Z"
            case 2: "\(date) 10:00:00+02:00"
            default: "\(date)T08:00:00.25"
            }
            text += "\(id),\(amount),\(at),\(date),n\(index % 9)\n"
        }
        return text
    }

    static let declared: [String: ColumnType] = ["id": .integer, "amount": .number, "at": .timestamp, "day": .date]

    static func source(_ text: String) -> DelimitedTableSource {
        DelimitedTableSource(store: InMemoryObjectStore(["t.csv": Data(text.utf8)]), key: "t.csv", displayName: "t.csv")
    }

    static func limits(keysAfter: Int, distinct: Int = .max) -> ProfileLimits {
        ProfileLimits(exactDistinctPerColumn: distinct, exactBytes: .max, typedKeysAfter: keysAfter)
    }

    @Test("keyed columns give the value table's profile, value counts and all, on 1, 2 and 3 threads")
    func sameProfile() async throws {
        // 20,000 rows: past the first batch, so the columns move on the split's threads too.
        let source = Self.source(Self.text(rows: 20_000))
        let table = try await ProfileJob.run(source, declared: Self.declared, limits: Self.limits(keysAfter: .max))
        #expect(table.columns.allSatisfy { $0.distinct.isExact })
        for keysAfter in [16, 1_000, 5_000] {
            for threads in [1, 2, 3] {
                let keyed = try await ProfileJob.run(
                    source, declared: Self.declared, limits: Self.limits(keysAfter: keysAfter), parts: .always(threads))
                #expect(keyed == table, "keyed past \(keysAfter) distinct, \(threads) threads")
            }
        }
    }

    @Test("a column moves only when declared of a typed kind and mostly distinct")
    func whichColumnsMove() throws {
        var profiler = TableProfiler(
            columns: [ColumnDeclaration(name: "id", type: .integer), ColumnDeclaration(name: "few", type: .integer),
                      ColumnDeclaration(name: "free"), ColumnDeclaration(name: "name", type: .text)],
            limits: Self.limits(keysAfter: 100))
        for index in 0..<1_000 {
            for (column, cell) in [String(index), String(index / 7 % 150), String(index), "v\(index)"].enumerated() {
                try profiler.add(cell, column: column)
            }
            profiler.endRow()
        }
        #expect(profiler.columns.map(\.isKeyed) == [true, false, false, false],
                "150 distinct values, seen slowly, are too few to move; undeclared and text columns never do")
        #expect(profiler.columns[0].exactBytes == 1_024 * 8 + 128 * 16, "1,024 slots of keys, 128 of counted values")
        let profile = profiler.finish()
        #expect(profile.columns[0].distinct == Figure(1_000))
        #expect(profile.columns[0].p50 == Figure(499.5))
    }

    @Test("profilers of consecutive rows merge to the whole's profile, keyed or not")
    func merges() throws {
        let rows: [[String]] = (0..<3_000).map { (index: Int) -> [String] in
            [String(index * 3 % 2_999), String(Double(index % 700) / 4)]
        }
        let columns = [ColumnDeclaration(name: "k", type: .integer), ColumnDeclaration(name: "x", type: .number)]
        func profiler(_ rows: ArraySlice<[String]>, keysAfter: Int, firstRow: Int) throws -> TableProfiler {
            var profiler = TableProfiler(columns: columns, limits: Self.limits(keysAfter: keysAfter), firstRow: firstRow)
            for row in rows {
                for (column, cell) in row.enumerated() { try profiler.add(cell, column: column) }
                profiler.endRow()
            }
            return profiler
        }
        let whole = try profiler(rows[...], keysAfter: .max, firstRow: 1).finish()
        for (first, second) in [(100, .max), (.max, 100), (100, 100), (10_000, 100)] {
            var head = try profiler(rows[..<1_200], keysAfter: first, firstRow: 1)
            let tail = try profiler(rows[1_200...], keysAfter: second, firstRow: 1_201)
            head.merge(tail)
            #expect(head.finish() == whole, "head keyed past \(first), tail past \(second)")
            #expect(head.columns[0].isKeyed == (first == 100 || second == 100))
        }
    }

    @Test("a bad value after the move is the error, at its row, as in the value table")
    func badValueAfterMove() async throws {
        var text = Self.text(rows: 9_000)
        text += "9000,1.5,not a time,2026-01-01,x\n"
        let source = Self.source(text)
        var messages: [String] = []
        for keysAfter in [16, Int.max] {
            do {
                _ = try await ProfileJob.run(source, declared: Self.declared, limits: Self.limits(keysAfter: keysAfter), parts: .always(2))
                Issue.record("no error, keyed past \(keysAfter)")
            } catch let error as ProfileInputError {
                messages.append(error.message)
            }
        }
        #expect(messages.count == 2 && messages[0] == messages[1])
        #expect(messages.first?.contains("t.csv:9002") == true, "\(messages)")
        #expect(messages.first?.contains("'not a time'") == true, "\(messages)")
    }

    @Test("a keyed column past the distinct limit is sketched, with the exact figures of the unsketched")
    func keyedThenSketched() throws {
        let values = (0..<20_000).map { ($0 * 7_919) % 20_000 }
        var keyed = TableProfiler(columns: [ColumnDeclaration(name: "v", type: .integer)], limits: Self.limits(keysAfter: 64, distinct: 5_000))
        for value in values {
            try keyed.add(String(value), column: 0)
            keyed.endRow()
        }
        #expect(keyed.columns[0].sketch != nil && !keyed.columns[0].isKeyed)
        let profile = keyed.finish().columns[0]
        #expect(profile.min == .integer(0) && profile.max == .integer(19_999))
        #expect(profile.count == 20_000)
        let mean = try #require(profile.mean)
        #expect(abs(mean - 9_999.5) < 1e-9)
        let estimate = Double(profile.distinct.value)
        guard case .relative(let bound)? = profile.distinct.bound else { Issue.record("no bound"); return }
        #expect(abs(estimate - 20_000) / 20_000 <= 3 * bound, "distinct \(estimate) within 3 × \(bound)")
    }

    @Test("sorting the keys in place ahead of the finish, on one thread or several, changes no figure")
    func prepareToFinish() throws {
        let columns = ["a", "b", "c"].map { ColumnDeclaration(name: $0, type: .integer) }
        var profiler = TableProfiler(columns: columns, limits: Self.limits(keysAfter: 32))
        for index in 0..<2_000 {
            for (column, step) in [7, 11, 13].enumerated() { try profiler.add(String(index * step % 1_999), column: column) }
            profiler.endRow()
        }
        #expect(profiler.columns.allSatisfy { $0.isKeyed })
        let unsorted = profiler.finish()
        for threads in [1, 2, 3] {
            var sorting = profiler
            sorting.prepareToFinish(threads: threads)
            #expect(sorting.finish() == unsorted, "\(threads) threads")
            #expect(sorting.finish(threads: threads) == unsorted)
        }
        #expect(profiler.finish() == unsorted, "the copy's sort left the original's keys alone")
    }

    @Test("a key buffer is a value: a copy keeps its keys when the other grows or is sorted")
    func keyBufferIsAValue() {
        var first = KeyBuffer()
        for key in stride(from: UInt64(100), to: 0, by: -1) { first.append(key) }
        let copy = first
        first.append(7)
        first.withUnsafeMutableBufferPointer { RadixSort.sort($0) }
        #expect(copy.count == 100 && first.count == 101)
        #expect(copy.withUnsafeBufferPointer { Array($0) } == Array(stride(from: UInt64(100), to: 0, by: -1)))
        #expect(first.withUnsafeBufferPointer { Array($0) } == ([7] + Array(1...100)).sorted())
        var joined = KeyBuffer()
        joined.append(contentsOf: copy)
        joined.append(contentsOf: KeyBuffer())
        #expect(joined.withUnsafeBufferPointer { Array($0) } == copy.withUnsafeBufferPointer { Array($0) })
        let shared = joined
        [UInt64](repeating: 9, count: 40).withUnsafeBufferPointer { joined.prepend($0) }
        #expect(joined.withUnsafeBufferPointer { Array($0) } == Array(repeating: 9, count: 40) + copy.withUnsafeBufferPointer { Array($0) })
        #expect(shared.count == 100, "the copy keeps its keys when the other is prepended to")
    }

    @Test("a column in order from its first row, with repeats, gives the same figures sorted in place as from a copy")
    func inOrderColumn() throws {
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "id", type: .integer)], limits: Self.limits(keysAfter: 32))
        for index in 0..<3_000 {
            try profiler.add(String(index / 3 - 400), column: 0)  // each value three times, ascending
            profiler.endRow()
        }
        #expect(profiler.columns[0].isKeyed)
        let fromCopy = profiler.finish()
        var sorting = profiler
        sorting.prepareToFinish()
        let inPlace = sorting.finish()
        #expect(inPlace == fromCopy)
        #expect(inPlace.columns[0].distinct == Figure(1_000))
        #expect(inPlace.columns[0].freq == Figure(3))
        #expect(inPlace.columns[0].min == .integer(-400))
    }
}
