import Testing
@testable import QualityCore

/// The finish's key sort against the standard library's, and keys that order as their values.
@Suite struct RadixSortTests {
    @Test("sorts as a comparison sort does: few keys and many, equal keys, keys sharing bytes", arguments: [0, 1, 255, 256, 257, 5_000])
    func sortsAsComparison(count: Int) {
        var generator = SplitMix(seed: UInt64(count) + 1)
        for spread in [UInt64.max, 1 << 20, 3, 0] {
            let pairs = (0..<count).map { index in
                (key: spread == .max ? generator.next() : (generator.next() % (spread + 1)) << 40 | 7, count: index)
            }
            var radix = pairs
            RadixSort.sort(&radix)
            #expect(radix.map(\.key) == pairs.map(\.key).sorted(), "\(count) keys, spread \(spread)")
            #expect(radix.map(\.count).sorted() == Array(0..<count), "every pair kept once")
        }
    }

    @Test("plain keys sort in place as a comparison sort does", arguments: [0, 1, 255, 256, 5_001])
    func plainKeysInPlace(count: Int) {
        var generator = SplitMix(seed: UInt64(count) + 11)
        for spread in [UInt64.max, 1 << 20, 3, 0] {
            let keys = (0..<count).map { _ in spread == .max ? generator.next() : generator.next() % (spread + 1) }
            var radix = keys
            radix.withUnsafeMutableBufferPointer { RadixSort.sort($0) }
            #expect(radix == keys.sorted(), "\(count) keys, spread \(spread)")
        }
    }

    @Test("keys in order, with equal neighbours, or out of order only at the start or the end, sort as a comparison sort does",
          arguments: [256, 5_000])
    func keysNearlyInOrder(count: Int) {
        let ascending = (0..<count).map { UInt64($0 / 3) << 20 }
        var lastOut = ascending
        lastOut[count - 1] = 0
        var firstOut = ascending
        firstOut[0] = .max
        for keys in [ascending, lastOut, firstOut, Array(ascending.reversed())] {
            var radix = keys
            radix.withUnsafeMutableBufferPointer { RadixSort.sort($0) }
            #expect(radix == keys.sorted())
            var pairs = keys.enumerated().map { (key: $0.element, count: $0.offset) }
            RadixSort.sort(&pairs)
            #expect(pairs.map(\.key) == keys.sorted())
        }
    }

    @Test("many keys in several passes: amounts, skewed spreads, one far key, runs of equal keys, few distinct",
          arguments: [25, 2_049, 120_000])
    func manyKeysInPasses(count: Int) {
        var generator = SplitMix(seed: UInt64(count) + 29)
        let amounts = (0..<count).map { _ in RadixSort.key(Double(Int64(generator.next() % 20_000_000) - 10_000_000) / 100) }
        let skewed = (0..<count).map { _ in generator.next() >> (generator.next() % 64) }  // every scale at once
        var farKey = (0..<count).map { _ in generator.next() % 1000 }
        farKey[count / 2] = .max
        let equalRuns = (0..<count).map { index in UInt64((index / 7) % 50) &* 0x0101_0101_0101 }
        let fewDistinct = (0..<count).map { _ in [3, 1 << 63, 17][Int(generator.next() % 3)] as UInt64 }
        for (name, keys) in [("amounts", amounts), ("skewed", skewed), ("far key", farKey), ("equal runs", equalRuns),
                             ("few distinct", fewDistinct)] {
            var radix = keys
            radix.withUnsafeMutableBufferPointer { RadixSort.sort($0) }
            #expect(radix == keys.sorted(), "\(name), \(count) keys")
            var pairs = keys.enumerated().map { (key: $0.element, count: $0.offset) }
            RadixSort.sort(&pairs)
            #expect(pairs.map(\.key) == keys.sorted(), "\(name), \(count) pairs")
            #expect(pairs.map(\.count).sorted() == Array(0..<count), "\(name): every pair kept once")
        }
    }

    @Test("sorts sharing one spare, larger and smaller than the room it holds, each sort as a comparison sort")
    func sharedSpare() {
        var generator = SplitMix(seed: 77)
        let spare = RadixSortSpare(keys: 3_000)
        for count in [3_000, 300, 9_000, 2_999, 9_000] {
            let keys = (0..<count).map { _ in generator.next() }
            var radix = keys
            radix.withUnsafeMutableBufferPointer { RadixSort.sort($0, spare: spare) }
            #expect(radix == keys.sorted(), "\(count) keys")
        }
    }

    @Test("integer and number keys order as the values and turn back into them")
    func keysOrderAsValues() {
        let integers: [Int64] = [.min, .min + 1, -1_000_000_000_000_000, -2, -1, 0, 1, 2, 1 << 53, .max - 1, .max]
        #expect(integers.map(RadixSort.key).map(RadixSort.integer) == integers)
        #expect(zip(integers, integers.dropFirst()).allSatisfy { RadixSort.key($0) < RadixSort.key($1) })
        let numbers: [Double] = [-.infinity, -.greatestFiniteMagnitude, -1e300, -2.5, -1, -.leastNonzeroMagnitude, 0,
                                 .leastNonzeroMagnitude, 1e-300, 0.1, 1, 2.5, 1e300, .greatestFiniteMagnitude, .infinity]
        #expect(numbers.map(RadixSort.key).map(RadixSort.number) == numbers)
        #expect(zip(numbers, numbers.dropFirst()).allSatisfy { RadixSort.key($0) < RadixSort.key($1) })
    }

    /// A small deterministic generator.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

/// Text values in byte order through the finish's 8-bytes-at-a-time sort.
@Suite struct TextOrderTests {
    @Test("long shared prefixes, zero bytes, prefixes of each other and Unicode sort as their UTF-8 bytes do")
    func textInByteOrder() throws {
        var values: Set<String> = []
        let stems = ["said \"invoice\" about ", "said \"café\" about café ", "", "a", "Tromsø Zürich ", "said \"box\"\u{0}"]
        for (number, stem) in stems.enumerated() {
            for index in 0..<400 {
                values.insert(stem + String(index * 7919 % 1000))
                values.insert(stem + String(repeating: "\u{0}", count: index % 11))
                values.insert(String(stem.prefix(index % 24)) + (number % 2 == 0 ? "" : "\u{0}x"))
            }
        }
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "t", type: .text)])
        for value in values.sorted(by: { $0.hashValue < $1.hashValue }) where !value.isEmpty {
            try profiler.add(value, column: 0)
            profiler.endRow()
        }
        let listed = profiler.finish().columns[0].valueCounts.entries.map { entry -> String in
            guard case .text(let text) = entry.value else { return "" }
            return text
        }
        let expected = values.filter { !$0.isEmpty }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(listed.count == expected.count)
        #expect(listed == expected)
    }
}

extension TextOrderTests {
    @Test("values sharing a 1 MiB prefix sort in byte order without a recursion per 8 shared bytes")
    func hugeSharedPrefix() throws {
        let prefix = String(repeating: "A", count: 1 << 20)
        let endings = (0..<40).map { String(UnicodeScalar(UInt8(0x7A - $0))) } + ["", "\u{0}"]
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "t", type: .text)])
        for ending in endings {
            try profiler.add(prefix + ending, column: 0)
            profiler.endRow()
        }
        let listed = profiler.finish().columns[0].valueCounts.entries.map { entry -> String in
            guard case .text(let text) = entry.value else { return "" }
            return String(text.dropFirst(prefix.count))
        }
        #expect(listed == endings.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }
}

/// Value counts reordered by count, ties in value order, small counts and large.
@Suite struct ByCountTests {
    @Test("by count descending, ties in value order: counts below and above 2^16")
    func byCountIsStable() {
        let counts = [3, 70_000, 1, 70_000, 2, 100_000, 3, 65_535, 65_536, 1, 0x1000_0000]
        let ascending = counts.enumerated().map { ValueCounts.Entry(value: .integer(Int64($0.offset)), count: $0.element) }
        let expected = ascending.enumerated().sorted { lhs, rhs in
            lhs.element.count != rhs.element.count ? lhs.element.count > rhs.element.count : lhs.offset < rhs.offset
        }.map(\.element)
        #expect(ExactFinish.byCount(ascending) == expected)
        let monotone = [5, 5, 3, 1].map { ValueCounts.Entry(value: .integer(Int64($0)), count: $0) }
        #expect(ExactFinish.byCount(monotone) == monotone)
    }
}

/// The Misra–Gries threshold by selection is the sorted list's.
@Suite struct FrequentThresholdTests {
    @Test("the rank-th largest by selection equals sorting: ties, runs, one value, random", arguments: [1, 2, 7, 2049, 5000])
    func selectionIsSorting(count: Int) {
        var generator = RadixSortTests.SplitMix(seed: UInt64(count))
        for spread in [1, 3, 1000, 1 << 40] {
            let values = (0..<count).map { _ in Int(generator.next() % UInt64(spread)) + 1 }
            for rank in Set([0, count / 2, count - 1, min(count - 1, 1024)]) {
                var copy = values
                #expect(FrequentValues.largest(rank, of: &copy) == values.sorted(by: >)[rank], "rank \(rank) of \(count), spread \(spread)")
            }
        }
    }
}
