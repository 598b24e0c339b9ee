import Foundation
import Testing
@testable import QualityCore

/// The value table against a dictionary: values of every length up to 8 held in the
/// entries (zero bytes inside and at the end are part of a value), longer ones in the
/// arena, growth.
@Suite struct ByteCountTableTests {
    static func values() -> [[UInt8]] {
        var values: [[UInt8]] = [[]]
        for length in 1...40 {
            values.append(Array(repeating: 0x41, count: length))
            values.append(Array(repeating: 0x41, count: length - 1) + [0])
            values.append([0] + Array(repeating: 0x41, count: length - 1))
            values.append((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) })
        }
        for number in 0..<5000 { values.append(Array(String(number * 7919).utf8)) }
        return values
    }

    @Test("emptied, a table counts anew in the order seen anew; a copy made before keeps its values")
    func removeAll() {
        var table = ByteCountTable(reservingFor: 100)
        let all = Self.values()
        for value in all.prefix(300) { value.withUnsafeBytes { _ = table.add($0) { _ in .other } } }
        let copy = table
        table.removeAll()
        #expect(table.count == 0 && table.counts.isEmpty && table.longBytes == 0)
        for value in all.suffix(50) + all.suffix(10) { value.withUnsafeBytes { _ = table.add($0) { _ in .other } } }
        var seen: [([UInt8], Int)] = []
        table.forEach { bytes, count, _ in seen.append((Array(bytes), count)) }
        #expect(seen.map(\.0) == Array(all.suffix(50)))
        #expect(seen.map(\.1) == Array(repeating: 1, count: 40) + Array(repeating: 2, count: 10))
        #expect(table.counts == seen.map(\.1))
        #expect(copy.count == Set(all.prefix(300)).count && copy.counts.allSatisfy { $0 >= 1 }, "the copy is untouched")
        var copied: [[UInt8]] = []
        copy.forEach { bytes, _, _ in copied.append(Array(bytes)) }
        var firstSeen: [[UInt8]] = []
        for value in all.prefix(300) where !firstSeen.contains(value) { firstSeen.append(value) }
        #expect(copied == firstSeen)
    }

    @Test func countsMatchADictionaryInFirstSeenOrder() {
        var table = ByteCountTable()
        var expected: [[UInt8]: Int] = [:]
        var order: [[UInt8]] = []
        var classified = 0
        let all = Self.values()
        for round in 0..<3 {
            for (index, value) in all.enumerated() where (index + round) % (round + 1) == 0 {
                let (_, isNew) = value.withUnsafeBytes { bytes in
                    table.add(bytes, weight: round + 1) { _ in classified += 1; return .other }
                }
                #expect(isNew == (expected[value] == nil))
                if expected[value] == nil { order.append(value) }
                expected[value, default: 0] += round + 1
            }
        }
        #expect(table.count == expected.count)
        #expect(classified == expected.count, "classify runs once per distinct value")
        var seen: [[UInt8]] = []
        table.forEach { bytes, count, form in
            seen.append(Array(bytes))
            #expect(count == expected[Array(bytes)], "\(Array(bytes))")
            #expect(form == .other)
        }
        #expect(seen == order)
        #expect(table.counts == order.map { expected[$0]! })
    }

    @Test("a count past what a slot holds (2^28 − 1) goes on exactly, by weights and by ones")
    func countsPastTheSlotsRoom() {
        var table = ByteCountTable()
        let big = (1 << 28) - 3
        for (value, weight) in [("7", big), ("long value of 20 b", big), ("7", 5), ("x", 1)] {
            value.utf8CString.withUnsafeBytes { bytes in
                table.add(UnsafeRawBufferPointer(rebasing: bytes.dropLast()), weight: weight) { _ in .other }
            }
        }
        for _ in 0..<4 {
            "long value of 20 b".utf8CString.withUnsafeBytes { bytes in
                table.add(UnsafeRawBufferPointer(rebasing: bytes.dropLast())) { _ in .other }
            }
        }
        #expect(table.counts == [big + 5, big + 4, 1])
        var seen: [String: Int] = [:]
        table.forEach { bytes, count, _ in seen[String(decoding: bytes, as: UTF8.self)] = count }
        #expect(seen == ["7": big + 5, "long value of 20 b": big + 4, "x": 1])
    }

    @Test func aShortValuesWordHoldsExactlyItsBytes() {
        for value in Self.values() where value.count <= 8 {
            let word = value.withUnsafeBytes { ByteWords.word($0) }
            var expected = [UInt8](repeating: 0, count: 8)
            expected.replaceSubrange(0..<value.count, with: value)
            #expect(withUnsafeBytes(of: word.littleEndian) { Array($0) } == expected, "\(value)")
        }
    }
}
