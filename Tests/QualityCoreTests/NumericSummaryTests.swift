import ReportKitTestSupport
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

    @Test("a product's rounding error from halves equals the fused multiply-add's, at every magnitude")
    func productError() {
        var generator = SplitMix(seed: 3)
        var failures: [String] = []
        func check(_ a: Double, _ b: Double) {
            let product = a * b
            let expected = (-product).addingProduct(a, b)
            let found = CompensatedSum.error(of: product, a, b)
            if found.bitPattern != expected.bitPattern, !(found.isNaN && expected.isNaN) { failures.append("\(a) × \(b): \(found), expected \(expected)") }
        }
        for _ in 0..<200_000 {
            // Random significands and signs at exponents across the whole range.
            func draw() -> Double {
                let exponent = Int(generator.next() % 2_100) - 1_075
                let significand = 1 + Double(generator.next() >> 11) / Double(1 << 53)
                return (generator.next() % 2 == 0 ? 1 : -1) * significand * Double(sign: .plus, exponent: exponent, significand: 1)
            }
            check(draw(), draw())
            // Mostly the magnitudes data has: amounts, their distances to the mean.
            check(Double(Int64(bitPattern: generator.next()) % 10_000_000) / 100, Double(Int64(bitPattern: generator.next()) % 1_000_000) / 7)
        }
        for special in [0.0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0x1p500, 0x1p-400] {
            check(special, 3.5)
            check(1e300, special)
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(3))")
    }
}
