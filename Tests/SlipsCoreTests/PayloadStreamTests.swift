import Foundation
import ReportKit
import Testing
@testable import SlipsCore

@Suite("The slips payload streamed")
struct PayloadStreamTests {
    static let april = Timestamp.parse("2020-04-21T04:05:00Z")!

    static func change(_ rip: String, days: Int, note: JSONValue = "") -> PlanChange {
        PlanChange(
            ripName: rip, namePretty: .string("Service \(rip)"), region: "ABC",
            previous: april, current: april.addingTimeInterval(Double(days) * 86_400), days: days,
            updated: days > 10 ? nil : may1, updater: "someone", note: note)
    }

    static let unplanned = [
        UnplannedService(ripName: "a", namePretty: "A", hasNotes: false, regions: [
            .init(code: "ABC"), .init(code: "DEF"),
        ]),
        UnplannedService(ripName: "b", namePretty: nil, hasNotes: true, regions: [
            .init(code: "ABC", note: "waiting \"for\" the\nsupplier", updated: "2020-04-30", updater: ""),
        ]),
    ]

    static func streamed(_ payload: SlipsPayload) throws -> String {
        var bytes: [UInt8] = []
        var stream = CanonicalJSONStream(chunkSize: 7) { bytes.append(contentsOf: $0) }
        try payload.write(to: &stream)
        try stream.finish()
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("gives the text of the payload's tree, byte for byte")
    func sameAsTree() throws {
        let full = SlipsPayload(
            cutoff: Self.april, now: may1, slipDelta: 3,
            slips: [Self.change("s", days: 12), Self.change("t", days: 4, note: "late")],
            improvements: [Self.change("i", days: -5)], unplanned: Self.unplanned)
        let empty = SlipsPayload(cutoff: Self.april, now: may1, slipDelta: 3, slips: [], improvements: [], unplanned: [])
        for payload in [full, empty] {
            #expect(try Self.streamed(payload) == JSONWriter.canonical(payload.payload))
            #expect(payload.json == payload.payload)
        }
    }
}
