import Foundation
import ReportKit

/// What the notification service receives: the slips and improvements of one window, and
/// the services still missing plans. Its `payload` has exactly the fields the original
/// MessageMultiplexer template reads.
public struct SlipsPayload: Sendable, Hashable {
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
}
