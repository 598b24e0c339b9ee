@testable import QualityCore
import ReportKitTestSupport
import Testing

/// ``WordCounts`` against a dictionary: words in ascending order listed, then counted in the
/// table from the first that is not above the last.
@Suite struct WordCountsTests {
    @Test("ascending words are listed, each seen once; a repeat or a drop moves them to the table with the same counts",
          arguments: [1, 2, 5_000])
    func againstADictionary(inOrder: Int) {
        var counts = WordCounts()
        var expected: [UInt64: UInt64] = [:]
        var random = SplitMix(seed: UInt64(inOrder) + 1)
        var words = (0..<inOrder).map { UInt64($0) * 3 + 7 }
        words.append(words.last!)  // a repeat of the last one: not above it
        words += (0..<20_000).map { _ in random.next() % 9_000 }
        for (position, word) in words.enumerated() {
            let seen = counts.add(word)
            expected[word, default: 0] += 1
            #expect(seen == expected[word], "word \(position)")
            #expect(counts.isListing == (position < inOrder), "listing until word \(inOrder), at \(position)")
            if seen != expected[word] { return }
        }
        #expect(counts.count == expected.count)
    }

    @Test("a whole column in order stays a list: every word is seen once")
    func allInOrder() {
        var counts = WordCounts()
        for word in stride(from: UInt64(1), through: 100_000, by: 1) { #expect(counts.add(word) == 1) }
        #expect(counts.isListing && counts.count == 100_000)
        #expect(counts.add(100_000) == 2, "the last word again")
        #expect(!counts.isListing && counts.count == 100_000)
        #expect(counts.add(1) == 2 && counts.add(100_001) == 1 && counts.count == 100_001)
    }
}
