@testable import QualityCore
import Testing

/// How the column and probe splits share a batch between threads.
@Suite("Work share between threads")
struct WorkShareTests {
    @Test("the costliest item goes first to the least loaded worker; the reader starts with its reading")
    func balanced() {
        let split = WorkShare.balanced(costs: [1, 5, 2, 2], workers: 2, readingCost: 3)
        // Item 1 (5) to the helper (0 < 3); item 2 (2) to the reader (3 < 5), item 3 (2) to the
        // reader (5 = 5, the first), item 0 (1) to the helper (5 < 7).
        #expect(split == [[2, 3], [0, 1]])
    }

    @Test("a split is kept unless the balanced one is a tenth better, and replaced when it lacks items")
    func rebalance() {
        var split = [[0], [1]]
        WorkShare.rebalance(&split, costs: [1.0, 1.05], readingCost: 0)
        #expect(split == [[0], [1]])
        split = [[0, 1], []]
        WorkShare.rebalance(&split, costs: [1.0, 1.0], readingCost: 0)
        #expect(split == [[0], [1]])
        split = [[0], []]
        WorkShare.rebalance(&split, costs: [1.0, 1.0, 0.5], readingCost: 0)
        #expect(split.joined().sorted() == [0, 1, 2])
    }

    @Test("costs are smoothed over batches, the first one taken as it is")
    func smoothing() {
        #expect(WorkShare.smoothed(0, 2) == 2)
        #expect(abs(WorkShare.smoothed(1, 2) - 1.2) < 1e-12)
        let before = WorkShare.threadSeconds()
        var spin = 0.0
        for index in 0..<200_000 { spin += Double(index).squareRoot() }
        #expect(spin > 0)
        #expect(WorkShare.threadSeconds() >= before)
    }
}
