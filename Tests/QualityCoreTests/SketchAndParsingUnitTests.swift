@testable import QualityCore
import ReportKitTestSupport
import Testing

/// The building blocks alone: decimal conversion, HyperLogLog's and KLL's stated bounds
/// over many seeds, Misra–Gries' guarantee.
@Suite struct SketchAndParsingUnitTests {
    static func number(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { ValueForm.number(UnsafeRawBufferPointer($0)) }
    }

    @Test func decimalsAreCorrectlyRounded() {
        var random = SplitMix(seed: 3)
        for _ in 0..<20_000 {
            let digits = Int(random.next() % 19) + 1
            var mantissa = String(random.next() % 10_000_000_000_000_000_000)
            mantissa = String(mantissa.prefix(digits))
            let point = Int(random.next() % UInt64(mantissa.count + 1))
            var text = String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point))
            if text.hasSuffix(".") { text += "0" }
            if random.next() % 3 == 0 { text += "e\(Int(random.next() % 60) - 30)" }
            if random.next() % 2 == 0 { text = "-" + text }
            #expect(Self.number(text) == Double(text), "\(text)")
        }
        #expect(Self.number("9840361836.346769") == 9840361836.34677)
        #expect(Self.number("0.1") == 0.1)
        #expect(Self.number("1e400") == .infinity)
    }

    @Test func hyperLogLogStaysWithinItsBound() {
        var within = 0
        let trials = 20
        for seed in 0..<trials {
            var sketch = HyperLogLog(precision: 12)
            var random = SplitMix(seed: UInt64(seed) &* 7919)
            let n = 5_000 + seed * 2_500
            for _ in 0..<n {
                var value = random.next()
                withUnsafeBytes(of: &value) { sketch.add(hash: ByteHash.hash($0)) }
            }
            if abs(sketch.estimate - Double(n)) <= sketch.relativeErrorBound * Double(n) { within += 1 }
        }
        #expect(within >= trials - 1, "\(within) of \(trials) within the 99% bound")
        var small = HyperLogLog(precision: 12)
        for value in 0..<10 { var v = UInt64(value); withUnsafeBytes(of: &v) { small.add(hash: ByteHash.hash($0)) } }
        #expect(small.estimate.rounded() == 10, "small counts come out right: \(small.estimate)")
    }

    @Test func quantileSketchStaysWithinItsBound() {
        var within = 0
        var checks = 0
        for seed in 0..<10 {
            var sketch = QuantileSketch(k: 100)
            var random = SplitMix(seed: UInt64(seed) &+ 99)
            var values: [Double] = []
            for _ in 0..<20_000 {
                let value = Double(random.next() % 1_000_000)
                values.append(value)
                sketch.add(value)
            }
            values.sort()
            let items = sketch.weightedItems()
            let bound = sketch.rankErrorBound
            #expect(sketch.weight == 20_000)
            for q in [0.1, 0.25, 0.5, 0.75, 0.9] {
                let rank = q * Double(values.count - 1)
                let estimate = QuantileSketch.value(atRank: rank, in: items)!
                let below = Double(values.firstIndex { $0 >= estimate }!)
                let atOrBelow = Double(values.lastIndex { $0 <= estimate }! + 1)
                checks += 1
                if below - bound <= rank, rank <= atOrBelow + bound { within += 1 }
            }
        }
        #expect(within == checks, "\(within) of \(checks) quantiles within the bound")
    }

    @Test func misraGriesNeverOvercountsAndKeepsTheHeavy() {
        var summary = FrequentValues(capacity: 20)
        var truth: [UInt64: Int] = [:]
        var random = SplitMix(seed: 5)
        for index in 0..<50_000 {
            var key = index % 4 == 0 ? 1 : (index % 9 == 0 ? 2 : random.next() % 5_000 + 10)
            truth[key, default: 0] += 1
            withUnsafeBytes(of: &key) { summary.add($0) }
        }
        #expect(summary.undercount <= 50_000 / 21)
        var held: [UInt64: Int] = [:]
        summary.table.forEach { bytes, count, _ in held[bytes.loadUnaligned(as: UInt64.self)] = count }
        for (key, count) in held {
            #expect(count <= truth[key]! && truth[key]! <= count + summary.undercount)
        }
        for (key, count) in truth where count > summary.undercount {
            #expect(held[key] != nil, "\(key) occurs \(count) times and must be held")
        }
    }

    @Test("code points are counted eight bytes at a time as one at a time, over every length and alignment")
    func codePointsByWords() {
        let texts = ["", "a", "Tromsø Zürich", "李四 and 王五", "👩‍👩‍👧 family", String(repeating: "æøå", count: 11),
                     "plain ascii text of forty-one characters."]
        for text in texts {
            let bytes = Array(text.utf8)
            for start in 0..<min(9, bytes.count + 1) {
                let slice = Array(bytes[start...])
                let expected = slice.filter { $0 & 0xC0 != 0x80 }.count
                #expect(slice.withUnsafeBytes { CodePoints.count($0) } == expected, "\(text) from byte \(start)")
            }
            #expect(Array(text.utf8).withUnsafeBytes { CodePoints.count($0) } == text.unicodeScalars.count)
        }
        let invalid: [UInt8] = [0x80, 0xBF, 0xC0, 0xFF, 0x41, 0x80, 0x80, 0x80, 0x80, 0xE2, 0x82]
        #expect(invalid.withUnsafeBytes { CodePoints.count($0) } == invalid.filter { $0 & 0xC0 != 0x80 }.count)
    }

    @Test("a field's words from a few loads are the words a loop over its bytes builds, every length and start")
    func wordsByLoads() {
        func looped(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
        }
        for length in 0...20 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: 0xF1 &- $0 &* 29) }
            bytes.withUnsafeBytes { raw in
                if length <= 8 { #expect(ByteWords.word(raw) == looped(bytes[...]), "word of \(length) bytes") }
                for index in max(0, length - 7)...length {
                    #expect(ByteWords.tail(raw, from: index) == looped(bytes[index...]), "tail of \(length) bytes from \(index)")
                }
            }
        }
    }

    @Test("the byte hash is the one sketches always made: its last bytes as one word change no bit")
    func byteHashIsStable() {
        func reference(_ bytes: [UInt8]) -> UInt64 {
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            var index = 0
            while index + 8 <= bytes.count {
                let word = bytes[index..<index + 8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
                state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
                state = (state << 29) | (state >> 35)
                index += 8
            }
            if index < bytes.count {
                let tail = bytes[index...].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
                state = (state ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            }
            return ByteHash.mix(state)
        }
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 53 &+ 11) }
            #expect(bytes.withUnsafeBytes { ByteHash.hash($0) } == reference(bytes), "\(length) bytes")
        }
    }

    @Test("a sketch's byte hash stands in for the value table's hash only past 16 bytes, where they are one")
    func sharedHash() {
        for length in [0, 1, 8, 9, 16, 17, 40] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 5) }
            bytes.withUnsafeBytes { raw in
                let byteHash = ByteHash.hash(raw)
                #expect(ByteCountTable.hash(of: raw, byteHash: byteHash) == ByteCountTable.hash(of: raw), "\(length) bytes")
            }
        }
    }
}
