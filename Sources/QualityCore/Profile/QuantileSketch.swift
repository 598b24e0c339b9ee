import Foundation

/// A KLL quantile sketch (Karnin, Lang, Liberty 2016) over `Double`s.
///
/// Level h holds items of weight 2^h; when the sketch holds more than its capacity, the
/// lowest full level is sorted and every other item (odd or even positions, by a coin)
/// moves up a level with twice the weight. One compaction of weight w moves the rank of any
/// value by 0 or ±w, with mean zero; the sketch adds up w² over its compactions, so its
/// rank error at any value is bounded by Hoeffding: |error| ≤ √(2 ln(2/δ) Σw²) with
/// probability 1 − δ (``rankErrorBound`` uses δ = 1%). The coin is a seeded generator, so
/// the same input gives the same sketch in every run.
struct QuantileSketch: Sendable {
    let k: Int
    private(set) var levels: [[Double]] = [[]]
    /// Total weight added.
    private(set) var weight = 0
    /// Σ w² over all compactions so far.
    private(set) var squaredErrorSum = 0.0
    private var random: UInt64 = 0x5DEE_CE66_D1CE_4E5B
    private var retained = 0
    private var capacityTotal = 0

    init(k: Int = 512) {
        self.k = k
        capacityTotal = capacity(of: 0)
    }

    private func capacity(of level: Int) -> Int {
        let depth = levels.count - 1 - level
        var value = Double(k)
        for _ in 0..<depth { value *= 2.0 / 3.0 }
        return max(8, Int(value.rounded(.up)))
    }

    private mutating func addLevel() {
        levels.append([])
        capacityTotal = (0..<levels.count).reduce(0) { $0 + capacity(of: $1) }
    }

    mutating func add(_ value: Double) {
        levels[0].append(value)
        weight += 1
        retained += 1
        if retained > capacityTotal { compress() }
    }

    /// Adds `value` with weight `count`: one copy at each level whose bit is set.
    mutating func add(_ value: Double, count: Int) {
        var rest = count
        var level = 0
        while rest > 0 {
            if rest & 1 == 1 {
                while levels.count <= level { addLevel() }
                levels[level].append(value)
                retained += 1
            }
            rest >>= 1
            level += 1
        }
        weight += count
        compress()
    }

    mutating func merge(_ other: QuantileSketch) {
        while levels.count < other.levels.count { addLevel() }
        for level in other.levels.indices { levels[level].append(contentsOf: other.levels[level]) }
        retained += other.retained
        weight += other.weight
        squaredErrorSum += other.squaredErrorSum
        random ^= other.random &* 0x9E37_79B9_7F4A_7C15
        compress()
    }

    private mutating func coin() -> Int {
        random &+= 0x9E37_79B9_7F4A_7C15
        return Int(ByteHash.mix(random) >> 63)
    }

    private mutating func compress() {
        while retained > capacityTotal {
            guard let level = levels.indices.first(where: { levels[$0].count >= capacity(of: $0) }) else { return }
            if level == levels.count - 1 { addLevel() }
            var items = levels[level]
            items.sort()
            var kept: [Double] = []
            if items.count % 2 == 1 { kept.append(items.removeLast()) }
            let offset = coin()
            var promoted: [Double] = []
            promoted.reserveCapacity(items.count / 2)
            var index = offset
            while index < items.count {
                promoted.append(items[index])
                index += 2
            }
            retained -= levels[level].count - kept.count - promoted.count
            levels[level] = kept
            levels[level + 1].append(contentsOf: promoted)
            let itemWeight = Double(1 << level)
            squaredErrorSum += itemWeight * itemWeight
        }
    }

    /// The bound on the rank error (in items) that holds with 99% probability at any one value.
    var rankErrorBound: Double { (2 * (200.0).logNatural * squaredErrorSum).squareRoot() }

    /// The held items with their weights, sorted by value.
    func weightedItems() -> [(value: Double, weight: Int)] {
        var items: [(value: Double, weight: Int)] = []
        for (level, values) in levels.enumerated() {
            for value in values { items.append((value, 1 << level)) }
        }
        items.sort { $0.value < $1.value }
        return items
    }

    /// The value at 0-based rank `rank` of the sorted input (the first item whose
    /// cumulative weight passes it), or `nil` when empty.
    static func value(atRank rank: Double, in items: [(value: Double, weight: Int)]) -> Double? {
        var cumulative = 0
        for item in items {
            cumulative += item.weight
            if Double(cumulative) > rank { return item.value }
        }
        return items.last?.value
    }
}

extension Double {
    fileprivate var logNatural: Double { Foundation.log(self) }
}
