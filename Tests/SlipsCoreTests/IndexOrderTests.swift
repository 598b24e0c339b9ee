import Foundation
import ReportKit
import Testing
@testable import SlipsCore

@Suite("The plan index order and instance prefixes")
struct IndexOrderTests {
    /// Instances that share long heads, differ past 16 bytes, hold non-ASCII text, a NUL,
    /// or are prefixes of each other.
    static let instances = [
        "svc10:v0", "svc1:v0", "svc1", "svc1:v0:ABX", "a-very-long-service-name:v0", "a-very-long-service-name:v0:ABX",
        "a-very-long-service-name:v0:ABW", "a-very-long-service-name", "ø:v0", "o:v0", "ö:v0", "svc\u{0}:v0", "svc",
        "Svc:v0", "~", "\u{10FFFF}", "é:v0", "e\u{301}:v0", "a-very-long-service-name:v1",
    ]

    @Test("sorts by plan, then instance, in code-point order, as a sort on whole texts does")
    func sameAsWholeTexts() throws {
        var items: [BuildableItem] = []
        for (offset, instance) in Self.instances.enumerated() {
            // "Q2 é" and "Q2 e" + U+0301 are equal to Swift's `==` but apart in the index.
            for plan in ["myplan", "Ωplan", "a", "Q2 \u{E9}", "Q2 e\u{301}"] where (offset + plan.count) % 2 == 0 || plan == "myplan" || plan.hasPrefix("Q2") {
                items.append(BuildableItem(["artifact": "SERVICE", "instance": .string(instance), "plan": .string(plan)]))
            }
        }
        let sorted = try ServiceCatalog.indexOrder(items.reversed())
        let expected = items.sorted { lhs, rhs in
            let byPlan = lhs["plan"]!.stringValue!.compareByCodePoints(rhs["plan"]!.stringValue!)
            return byPlan != 0 ? byPlan < 0 : lhs.instance.compareByCodePoints(rhs.instance) < 0
        }
        // Compared as bytes: `==` on the texts would not tell the two Q2 plans apart.
        #expect(sorted.map { Array("\($0["plan"]!.stringValue!) \($0.instance)".utf8) } == expected.map { Array("\($0["plan"]!.stringValue!) \($0.instance)".utf8) })
    }

    @Test("an instance's prefix is the text before its first ':' character", arguments: [
        ("svc1:v0:ABX", "svc1"), ("svc1", "svc1"), (":v0", ""), ("ø:v0", "ø"), ("é:x", "é"),
        // A ':' joined by a combining mark is not a ':' character: the cut is at the next one.
        ("a:\u{301}b:v0", "a:\u{301}b"), ("a:\u{301}", "a:\u{301}"),
    ])
    func prefix(instance: String, expected: String) {
        let item = BuildableItem(["artifact": "SERVICE", "instance": .string(instance)])
        #expect(item.instancePrefix == expected)
        #expect(item.instancePrefix == String(instance.prefix { $0 != ":" }))
    }

    @Test("a day is written as YYYY-MM-DD at both ends of the range")
    func days() throws {
        #expect(Timestamp.day(Timestamp.parse("2020-04-05T23:59:59Z")!) == "2020-04-05")
        #expect(Timestamp.day(Timestamp.earliest) == "0000-01-01")
        #expect(Timestamp.day(Timestamp.parse("9999-12-31T12:00:00Z")!) == "9999-12-31")
        #expect(Timestamp.day(Timestamp.parse("0001-02-03")!) == "0001-02-03")
    }
}
