import Foundation
import QualityCore
import ReportKit
import Testing

/// Every figure of the fixtures' profiles against pandas' (`describe(include='all')`,
/// `value_counts`, `str.len`) and polars' as a second opinion.
@Suite struct PandasParityTests {
    static let relativeTolerance = 1e-12

    static func close(_ ours: Double?, _ theirs: Double?) -> Bool {
        switch (ours, theirs) {
        case (nil, nil): return true
        case (let a?, let b?): return a == b || abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
        default: return false
        }
    }

    @Test(arguments: ProfileFixture.names, [true, false])
    func figuresEqualPandas(table: String, declared: Bool) throws {
        let fixture = try ProfileFixture.load(table)
        let profile = try fixture.profile(declared: declared)
        let expected = try #require(fixture.expected["columns"]?.objectValue)
        #expect(profile.rowCount == fixture.expected["row_count"]?.intValue)
        #expect(profile.columns.map(\.name) == fixture.header)
        for column in profile.columns {
            let theirs = try #require(expected[column.name], "\(column.name) has no expected figures")
            let label = "\(table).\(column.name)"
            #expect(column.type.rawValue == theirs["type"]?.stringValue, "\(label) type")
            #expect(column.count == theirs["count"]?.intValue, "\(label) count")
            #expect(column.missing == theirs["missing"]?.intValue, "\(label) missing")
            #expect(column.distinct == Figure(theirs["distinct"]?.intValue ?? -1), "\(label) distinct")
            #expect(column.freq?.value == theirs["freq"]?.intValue, "\(label) freq")
            if theirs["top_tied"]?.boolValue == false {
                #expect(column.top?.value.description == theirs["top"]?.stringValue, "\(label) top")
            } else if let top = column.top {
                // pandas breaks ties by first occurrence; ReportKit by the smallest value.
                let tied = column.valueCounts.entries.filter { $0.count == column.freq?.value }.map(\.value)
                #expect(top.value == tied.min(), "\(label) top among ties")
            }
            for (key, figure) in [("mean", column.mean), ("std", column.std), ("p25", column.p25?.value),
                                  ("p50", column.p50?.value), ("p75", column.p75?.value)] {
                #expect(Self.close(figure, theirs[key]?.numberValue), "\(label) \(key): \(String(describing: figure)) vs \(String(describing: theirs[key]))")
            }
            #expect(column.min?.description == theirs["min"]?.stringValue, "\(label) min")
            #expect(column.max?.description == theirs["max"]?.stringValue, "\(label) max")
            if let lengths = theirs["length"] {
                #expect(column.lengths?.min == lengths["min"]?.intValue, "\(label) length min")
                #expect(column.lengths?.max == lengths["max"]?.intValue, "\(label) length max")
                #expect(Self.close(column.lengths?.mean, lengths["mean"]?.numberValue), "\(label) length mean")
            } else {
                #expect(column.lengths == nil || column.count == 0, "\(label) lengths")
            }
            try checkValueCounts(column, theirs, label)
        }
    }

    /// Same multiset as pandas' `value_counts`, in ReportKit's order.
    private func checkValueCounts(_ column: ColumnProfile, _ theirs: JSONValue, _ label: String) throws {
        let pairs = try #require(theirs["value_counts"]?.arrayValue).map {
            ($0.arrayValue?[0].stringValue ?? "", $0.arrayValue?[1].intValue ?? -1)
        }
        let ours = column.valueCounts.entries.map { ($0.value.description, $0.count) }
        #expect(column.valueCounts.isExact)
        let mine = Dictionary(uniqueKeysWithValues: ours)
        let pandas = Dictionary(uniqueKeysWithValues: pairs)
        let differing = Set(mine.keys).symmetricDifference(pandas.keys).sorted().prefix(6)
        #expect(differing.isEmpty, "\(label) value counts: ours \(differing.map { "\($0)=\(mine[$0] ?? 0)" }) pandas \(differing.map { "\($0)=\(pandas[$0] ?? 0)" })")
        #expect(mine.count == pandas.count && mine.allSatisfy { pandas[$0.key] == $0.value }, "\(label) value counts differ")
        let entries = column.valueCounts.entries
        for (a, b) in zip(entries, entries.dropFirst()) {
            #expect(a.count > b.count || (a.count == b.count && a.value < b.value), "\(label) order at \(a.value)")
        }
    }

    @Test(arguments: ProfileFixture.names)
    func numbersEqualPolars(table: String) throws {
        let fixture = try ProfileFixture.load(table)
        let profile = try fixture.profile(declared: true)
        let polars = try #require(fixture.expected["polars"]?.objectValue)
        for column in profile.columns {
            guard let theirs = polars[column.name] else { continue }
            #expect(column.count == theirs["count"]?.intValue, "\(column.name) count")
            #expect(column.distinct.value == theirs["distinct"]?.intValue, "\(column.name) distinct")
            for (key, figure) in [("mean", column.mean), ("std", column.std), ("p25", column.p25?.value),
                                  ("p50", column.p50?.value), ("p75", column.p75?.value)] {
                #expect(Self.close(figure, theirs[key]?.numberValue), "\(column.name) \(key) vs polars")
            }
        }
    }

    /// Sketched columns keep pandas' mean, std, count, missing, min and max exactly (to 1e-12).
    @Test func sketchedMomentsEqualPandas() throws {
        let fixture = try ProfileFixture.load("events")
        let limits = ProfileLimits(exactDistinctPerColumn: 50)
        let profile = try fixture.profiler(rows: 0..<fixture.rows.count, declared: true, limits: limits).finish()
        let expected = try #require(fixture.expected["columns"]?.objectValue)
        for column in profile.columns {
            let theirs = try #require(expected[column.name])
            #expect(column.count == theirs["count"]?.intValue && column.missing == theirs["missing"]?.intValue)
            #expect(column.min?.description == theirs["min"]?.stringValue, "\(column.name) min")
            #expect(column.max?.description == theirs["max"]?.stringValue, "\(column.name) max")
            #expect(Self.close(column.mean, theirs["mean"]?.numberValue), "\(column.name) mean")
            #expect(Self.close(column.std, theirs["std"]?.numberValue), "\(column.name) std")
            if column.type != .boolean, (theirs["distinct"]?.intValue ?? 0) > 50 {
                #expect(!column.distinct.isExact, "\(column.name) is sketched")
            }
        }
    }
}
