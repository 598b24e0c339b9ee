import Foundation
import ReportKit

/// What the notification service receives: the slips and improvements of one window, and
/// the services still missing plans. Its `payload` has exactly the fields the original
/// MessageMultiplexer template reads.
public struct SlipsPayload: Sendable, Hashable, CanonicalJSONDocument {
    /// The start of the window.
    public var cutoff: Date
    /// The end of the window: when the run happened.
    public var now: Date
    public var slipDelta: Int
    public var slips: [PlanChange]
    public var improvements: [PlanChange]
    public var unplanned: [UnplannedService]

    public init(
        cutoff: Date, now: Date, slipDelta: Int, slips: [PlanChange], improvements: [PlanChange],
        unplanned: [UnplannedService]
    ) {
        self.cutoff = cutoff
        self.now = now
        self.slipDelta = slipDelta
        self.slips = slips
        self.improvements = improvements
        self.unplanned = unplanned
    }

    /// The payload as JSON.
    public var payload: JSONValue {
        .object(JSONObject([
            .init(key: "beginning", value: .string(Timestamp.day(cutoff))),
            .init(key: "end", value: .string(Timestamp.day(now))),
            .init(key: "improvement_count", value: .number(Double(improvements.count))),
            .init(key: "improvements", value: .array(improvements.map(\.payload))),
            .init(key: "improvements_exist", value: .bool(!improvements.isEmpty)),
            .init(key: "last_sent_date", value: .string(Timestamp.minuteUTC(cutoff))),
            .init(key: "slip_count", value: .number(Double(slips.count))),
            .init(key: "slip_delta", value: .number(Double(slipDelta))),
            .init(key: "slips", value: .array(slips.map(\.payload))),
            .init(key: "slips_exist", value: .bool(!slips.isEmpty)),
            .init(key: "unplanned", value: .array(unplanned.map(\.payload))),
            .init(key: "unplanned_count", value: .number(Double(unplanned.count))),
        ]))
    }

    public var json: JSONValue { payload }

    /// Writes the text of `JSONWriter.canonical(payload)`, one list entry at a time: a big
    /// payload's tree is never built whole.
    public func write(to stream: inout CanonicalJSONStream) throws {
        try stream.openObject()
        try stream.key(plain: "beginning")
        try stream.value(.string(Timestamp.day(cutoff)))
        try stream.key(plain: "end")
        try stream.value(.string(Timestamp.day(now)))
        try stream.key(plain: "improvement_count")
        try stream.value(.number(Double(improvements.count)))
        try stream.key(plain: "improvements")
        try stream.openArray()
        for change in improvements { try change.write(to: &stream) }
        try stream.close()
        try stream.key(plain: "improvements_exist")
        try stream.value(.bool(!improvements.isEmpty))
        try stream.key(plain: "last_sent_date")
        try stream.value(.string(Timestamp.minuteUTC(cutoff)))
        try stream.key(plain: "slip_count")
        try stream.value(.number(Double(slips.count)))
        try stream.key(plain: "slip_delta")
        try stream.value(.number(Double(slipDelta)))
        try stream.key(plain: "slips")
        try stream.openArray()
        for change in slips { try change.write(to: &stream) }
        try stream.close()
        try stream.key(plain: "slips_exist")
        try stream.value(.bool(!slips.isEmpty))
        try stream.key(plain: "unplanned")
        try stream.openArray()
        for service in unplanned { try service.write(to: &stream) }
        try stream.close()
        try stream.key(plain: "unplanned_count")
        try stream.value(.number(Double(unplanned.count)))
        try stream.close()
    }
}
