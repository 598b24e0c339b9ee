import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// A generated table over the exact limit: the sketched figures are labelled estimates and
/// their reported bounds hold against the exact answers.
@Suite struct SketchModeTests {
    static let limits = ProfileLimits(
        exactDistinctPerColumn: 2_000, distinctPrecision: 14, quantileK: 200, frequentCapacity: 100)
    static let columns = ["id", "x", "hot", "when", "flag"].map { ColumnDeclaration(name: $0) }
    static let table = GeneratedTable(rows: 24_000, seed: 11)
    /// The table profiled exactly and with the sketch limits, once for all tests.
    static let exact = profile(limits: .exact)
    static let sketched = profile(limits: limits)

    static func profile(limits: ProfileLimits) -> TableProfile {
        do {
            return try table.profiler(0..<table.rows.count, limits: limits).finish()
        } catch {
            Issue.record(error)
            return TableProfile(rowCount: 0, columns: [])
        }
    }

    struct GeneratedTable: Sendable {
        var rows: [[String]] = []
        var x: [Double] = []

        init(rows count: Int, seed: UInt64) {
            var random = SplitMix(seed: seed)
            for index in 0..<count {
                let x = Double(Int(random.next() % 2_000_000)) / 100 - 5_000
                let draw = random.next() % 100
                let hot = draw < 30 ? "7" : draw < 40 ? "42" : String(random.next() % 1_000_000)
                let seconds = 1_600_000_000 + Int(random.next() % 100_000_000)
                let when = Self.stamp(seconds)
                let flag = random.next() % 20 == 0 ? "" : (random.next() % 3 == 0 ? "True" : "false")
                let missingX = random.next() % 25 == 0
                rows.append(["k\(index % 20_000)", missingX ? "" : ProfileValue.number(x).description, hot, when, flag])
                if !missingX { self.x.append(x) }
            }
            self.x.sort()
        }

        static func stamp(_ seconds: Int) -> String {
            ProfileValue.timestamp(microseconds: Int64(seconds) * 1_000_000).description
        }

        func profiler(_ range: Range<Int>, limits: ProfileLimits) throws -> TableProfiler {
            var profiler = TableProfiler(columns: SketchModeTests.columns, limits: limits, firstRow: range.lowerBound + 1)
            for row in rows[range] {
                for (column, field) in row.enumerated() { try profiler.add(field, column: column) }
                profiler.endRow()
            }
            return profiler
        }
    }

    static func check(_ sketched: TableProfile, against exact: TableProfile) {
        #expect(sketched.rowCount == exact.rowCount)
        for (ours, truth) in zip(sketched.columns, exact.columns) {
            let label = ours.name
            #expect(ours.type == truth.type, "\(label) type")
            #expect(ours.count == truth.count && ours.missing == truth.missing, "\(label) counts stay exact")
            #expect(ours.min == truth.min && ours.max == truth.max, "\(label) extremes stay exact")
            #expect(truth.distinct.isExact && truth.valueCounts.isExact)
            if case .relative(let bound)? = ours.distinct.bound {
                let error = abs(Double(ours.distinct.value - truth.distinct.value)) / Double(truth.distinct.value)
                #expect(error <= bound, "\(label) distinct \(ours.distinct.value) vs \(truth.distinct.value), bound \(bound)")
            } else {
                #expect(ours.distinct == truth.distinct, "\(label) distinct exact")
            }
            // Every listed count is low by at most the bound; anything unlisted occurs at most that often.
            let trueCounts = Dictionary(uniqueKeysWithValues: truth.valueCounts.entries.map { ($0.value, $0.count) })
            let slack = ours.valueCounts.undercount ?? 0
            for entry in ours.valueCounts.entries {
                let real = trueCounts[entry.value] ?? 0
                #expect(entry.count <= real && real <= entry.count + slack, "\(label) count of \(entry.value)")
            }
            let listed = Set(ours.valueCounts.entries.map(\.value))
            for entry in truth.valueCounts.entries where !listed.contains(entry.value) {
                #expect(entry.count <= slack, "\(label) unlisted \(entry.value) occurs \(entry.count) > \(slack)")
            }
            if let mean = truth.mean {
                #expect(abs(ours.mean! - mean) <= 1e-12 * abs(mean), "\(label) mean")
                #expect(abs(ours.std! - truth.std!) <= 1e-10 * truth.std!, "\(label) std")
            }
        }
    }

    @Test func boundsHoldAgainstExactAnswers() throws {
        let table = Self.table
        let exact = Self.exact
        let sketched = Self.sketched
        Self.check(sketched, against: exact)
        let byName = Dictionary(uniqueKeysWithValues: sketched.columns.map { ($0.name, $0) })
        #expect(byName["id"]?.distinct.isExact == false)
        #expect(byName["x"]?.distinct.isExact == false)
        #expect(byName["flag"]?.distinct == Figure(2), "booleans stay exact")
        #expect(byName["hot"]?.top?.value == .integer(7))
        #expect(byName["hot"]?.valueCounts.entries.prefix(2).map(\.value) == [.integer(7), .integer(42)])
        try checkQuartiles(try #require(byName["x"]), sorted: table.x)
    }

    @Test func mergedSketchesKeepTheirBounds() throws {
        let table = Self.table
        let n = table.rows.count
        let exact = Self.exact
        var merged = try table.profiler(0..<n / 3, limits: Self.limits)
        merged.merge(try table.profiler(n / 3..<n, limits: Self.limits))
        let profile = merged.finish()
        Self.check(profile, against: exact)
        try checkQuartiles(try #require(profile.columns.first { $0.name == "x" }), sorted: table.x)
        // HyperLogLog merges exactly: the same estimate as one pass.
        #expect(profile.columns.map(\.distinct) == Self.sketched.columns.map(\.distinct))
    }

    /// The value reported for quantile q has a true rank within the reported bound of q(n−1).
    func checkQuartiles(_ column: ColumnProfile, sorted values: [Double]) throws {
        let n = Double(values.count)
        for (q, figure) in [(0.25, column.p25), (0.5, column.p50), (0.75, column.p75)] {
            let estimate = try #require(figure)
            guard case .rank(let bound)? = estimate.bound else {
                Issue.record("p\(Int(q * 100)) is not labelled an estimate")
                continue
            }
            #expect(bound > 0 && bound < 0.05, "a useful bound: \(bound)")
            let below = Double(values.partitioningIndex { $0 >= estimate.value })
            let atOrBelow = Double(values.partitioningIndex { $0 > estimate.value })
            let target = q * (n - 1)
            #expect(below - bound * n <= target && target <= atOrBelow + bound * n,
                    "p\(Int(q * 100)) = \(estimate.value) has rank \(below)…\(atOrBelow), target \(target) ± \(bound * n)")
        }
    }

    @Test func estimatesAreLabelledInEveryOutput() throws {
        let table = Self.table
        let profile = try table.profiler(0..<10_000, limits: Self.limits).finish()
        let x = try #require(profile.columns.first { $0.name == "x" })
        let json = x.json
        #expect(json["distinct"]?["estimate"]?.numberValue != nil)
        #expect(json["distinct"]?["relative_error"]?.numberValue == 2.576 * 1.04 / 128)
        #expect(json["p50"]?["rank_error"]?.numberValue != nil)
        #expect(json["value_counts_exact"] == .bool(false))
        #expect(json["freq"]?["max_undercount"]?.numberValue != nil)
        let row = try #require(profile.summaryRows.first { $0[0] == "x" })
        let cells = Dictionary(uniqueKeysWithValues: zip(TableProfile.summaryHeader, row))
        for key in ["distinct", "top", "freq", "p25", "p50", "p75"] {
            #expect(cells[key]?.hasPrefix("~") == true, "\(key) = \(cells[key] ?? "")")
        }
        for key in ["count", "missing", "mean", "std", "min", "max"] {
            #expect(cells[key]?.hasPrefix("~") == false, "\(key) is exact")
        }
        #expect(x.valueCounts.rows.allSatisfy { $0[1].hasPrefix("~") })
    }

    @Test func recountMakesTheCandidatesExact() throws {
        let table = Self.table
        let exact = Self.exact
        let sketched = Self.sketched
        var recount = ValueRecount(for: sketched)
        #expect(recount.isNeeded)
        for row in table.rows {
            for (column, field) in row.enumerated() {
                var field = field
                field.withUTF8 { recount.add(UnsafeRawBufferPointer($0), column: column) }
            }
        }
        let recounted = recount.apply(to: sketched)
        for (ours, truth) in zip(recounted.columns, exact.columns) {
            let trueCounts = Dictionary(uniqueKeysWithValues: truth.valueCounts.entries.map { ($0.value, $0.count) })
            #expect(ours.valueCounts.countsAreExact, "\(ours.name)")
            for entry in ours.valueCounts.entries {
                #expect(entry.count == trueCounts[entry.value], "\(ours.name) \(entry.value)")
            }
            #expect(ours.valueCounts.rows.allSatisfy { !$0[1].hasPrefix("~") })
        }
        let hot = try #require(recounted.columns.first { $0.name == "hot" })
        let trueHot = try #require(exact.columns.first { $0.name == "hot" })
        #expect(hot.top == trueHot.top && hot.freq == trueHot.freq, "the top value is exact after the recount")
        #expect(hot.top?.isExact == true)
        #expect(recounted.columns.first { $0.name == "x" }?.distinct.isExact == false, "distinct stays an estimate")
    }

    @Test func memoryBudgetSketchesTheLargestColumnsFirst() throws {
        let table = Self.table
        var limits = ProfileLimits.default
        limits.exactBytes = 1 << 19
        let profile = try table.profiler(0..<table.rows.count, limits: limits).finish()
        let sketched = Dictionary(uniqueKeysWithValues: profile.columns.map { ($0.name, !$0.distinct.isExact) })
        #expect(sketched["id"] == true)
        #expect(sketched["when"] == true)
        #expect(sketched["flag"] == false)
        Self.check(profile, against: Self.exact)
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `belongs` (which must be false, then true).
    func partitioningIndex(where belongs: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
