/// An EventBridge scheduled event (a rule's `rate(…)` or `cron(…)`):
///
///     {"version": "0", "id": "…", "detail-type": "Scheduled Event", "source": "aws.events",
///      "time": "2026-12-01T02:00:00Z", "resources": ["arn:…:rule/nightly"], "detail": {}}
///
/// `time` is when the schedule fired: the run's `--now`. `detail` is `{}` for a schedule; keys
/// in it are read as the command's options.
public struct ScheduledEvent: Sendable, Hashable {
    /// When the schedule fired, as EventBridge wrote it (ISO-8601, UTC).
    public var time: String
    /// The rule's ARN, when given (for the log).
    public var rule: String?
    /// Options given in `detail` (usually none).
    public var detail: JSONObject

    /// `true` when `event` says it is a scheduled event.
    public static func matches(_ event: JSONValue) -> Bool {
        event["detail-type"]?.stringValue == "Scheduled Event"
    }

    public init(_ event: JSONValue) throws(TriggerShapeError) {
        time = try event.requiredString("time", at: "time")
        rule = event["resources"]?.arrayValue?.first?.stringValue
        switch event["detail"] {
        case nil, .null?: detail = JSONObject()
        case .object(let object)?: detail = object
        case let other?: throw TriggerShapeError(field: "detail", "must be an object, got \(other.kindDescription)")
        }
    }

    /// The command's options: `detail`'s keys, and `now` from `time` unless `detail` gives one.
    public var options: JSONValue {
        var options = detail
        if options["now"] == nil { options["now"] = .string(time) }
        return .object(options)
    }
}
