import Foundation
import ReportKit

/// A plan date that moved across the window by at least the slip delta.
public struct PlanChange: Sendable, Hashable {
    public var ripName: String
    public var namePretty: JSONValue
    public var region: String
    /// The planned date before the window.
    public var previous: Date
    /// The planned date now.
    public var current: Date
    /// Whole days from `previous` to `current`, rounded down: positive is a slip.
    public var days: Int
    /// When the current plan was last updated.
    public var updated: Date?
    /// Who updated it (`system` shown as empty); `""` when absent.
    public var updater: JSONValue
    /// The current plan's note; `""` when absent.
    public var note: JSONValue

    /// `true` when the date moved later.
    public var isSlip: Bool { days > 0 }

    /// The entry in the notification payload's `slips` or `improvements` list.
    public var payload: JSONValue {
        .object(JSONObject([
            .init(key: "change", value: .number(Double(abs(days)))),
            .init(key: "current", value: .string(Timestamp.day(current))),
            .init(key: "name_pretty", value: namePretty),
            .init(key: "name_rip", value: .string(ripName)),
            .init(key: "note", value: note),
            .init(key: "previous", value: .string(Timestamp.day(previous))),
            .init(key: "region", value: .string(region)),
            .init(key: "updated", value: updated.map { .string(Timestamp.day($0)) } ?? .null),
            .init(key: "updater", value: updater),
        ]))
    }

    /// Writes ``payload`` as an element of the open list, member by member (no tree).
    func write(to stream: inout CanonicalJSONStream) throws {
        try stream.openObject()
        try stream.key(plain: "change")
        try stream.value(.number(Double(abs(days))))
        try stream.key(plain: "current")
        try stream.value(.string(Timestamp.day(current)))
        try stream.key(plain: "name_pretty")
        try stream.value(namePretty)
        try stream.key(plain: "name_rip")
        try stream.value(.string(ripName))
        try stream.key(plain: "note")
        try stream.value(note)
        try stream.key(plain: "previous")
        try stream.value(.string(Timestamp.day(previous)))
        try stream.key(plain: "region")
        try stream.value(.string(region))
        try stream.key(plain: "updated")
        try stream.value(updated.map { .string(Timestamp.day($0)) } ?? .null)
        try stream.key(plain: "updater")
        try stream.value(updater)
        try stream.close()
    }

    /// The change between `current` and `previous` when it is at least `slipDelta` days either
    /// way, else `nil`. Both plans need a `date`; without one nothing is compared.
    public static func detect(
        service: TrackedService, region: String, current: BuildableItem, previous: BuildableItem,
        slipDelta: Int, logger: Logger
    ) throws(SlipsError) -> PlanChange? {
        try detect(
            service: service, namePretty: { service.namePretty }, region: region, current: current, previous: previous,
            slipDelta: slipDelta, logger: logger)
    }

    /// ``detect(service:region:current:previous:slipDelta:logger:)`` with the service's display
    /// name from `namePretty`, asked only for a change: a caller comparing a service's plans in
    /// many regions reads the name once.
    static func detect(
        service: TrackedService, namePretty: () -> JSONValue, region: String, current: BuildableItem, previous: BuildableItem,
        slipDelta: Int, logger: Logger
    ) throws(SlipsError) -> PlanChange? {
        let name = "\(service.ripName) in \(region)"
        guard let currentDate = try current.optionalInstant("date") else {
            logger.debug("\(name): the current plan has no date; nothing to compare")
            return nil
        }
        guard let previousDate = try previous.optionalInstant("date") else {
            logger.debug("\(name): the previous plan (\(previous.instance)) has no date; nothing to compare")
            return nil
        }
        let days = Timestamp.wholeDays(from: previousDate, to: currentDate)
        guard abs(days) >= slipDelta else {
            logger.debug("\(name): moved \(days)d, under the \(slipDelta)d slip delta")
            return nil
        }
        logger.debug("\(name): \(days > 0 ? "slip" : "improvement") of \(abs(days))d (\(Timestamp.day(previousDate)) -> \(Timestamp.day(currentDate)))")
        return PlanChange(
            ripName: service.ripName, namePretty: namePretty(), region: region,
            previous: previousDate, current: currentDate, days: days,
            updated: try current.optionalInstant("updated"),
            updater: Updater.shown(current["updater"]) ?? .string(""),
            note: current["note"] ?? .string(""))
    }
}

/// How an updater is shown: the automated `system` user appears as nobody.
enum Updater {
    /// `value`, with exactly `system` replaced by the empty string.
    static func shown(_ value: JSONValue?) -> JSONValue? {
        guard let value else { return nil }
        return value == .string("system") ? .string("") : value
    }
}
