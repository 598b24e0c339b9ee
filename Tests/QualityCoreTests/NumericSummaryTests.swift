import Testing
@testable import QualityCore

/// The quartiles' one pass over values with counts against indexing the expanded list.
@Suite struct NumericSummaryTests {
    @Test("quartiles of values with counts equal numpy's linear method on the expanded list: one value, two, runs, repeats")
    func quartilesAsExpanded() {
        let cases: [[(value: Double, count: Int)]] = [
            [(5, 1)], [(1, 1), (2, 1)], [(1, 2)], [(1, 1), (2, 1), (3, 1)], [(-1, 3), (4, 1)],
            [(0, 1), (10, 5), (11, 1)], [(1, 1), (2, 2), (3, 3), (4, 4)], (0..<37).map { (Double($0 * $0), $0 % 3 + 1) },
        ]
        for values in cases {
            let expanded = values.flatMap { Array(repeating: $0.value, count: $0.count) }
            let summary = NumericSummary(sorted: values)
            let expected = [0.25, 0.5, 0.75].map { q -> Double in
                let position = Double(expanded.count - 1) * q
                let lower = Int(position.rounded(.down))
                let upper = Swift.min(lower + 1, expanded.count - 1)
                return NumericSummary.lerp(expanded[lower], expanded[upper], position - position.rounded(.down))
            }
            #expect([summary.p25, summary.p50, summary.p75] == expected, "\(values)")
            #expect(summary.mean == expanded.reduce(0, +) / Double(expanded.count), "\(values)")
            #expect((summary.std == nil) == (expanded.count == 1), "\(values)")
        }
    }
}
