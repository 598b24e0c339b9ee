import Foundation
import ReportKit
import ReportKitTestSupport
import SlipsCore

/// Builds buildables rows for tests, shaped like the original's e2e table.
enum Row {
    static func cutoff(_ updated: String) -> JSONValue {
        ["artifact": "NOTIFICATION", "instance": "region-slips", "updated": .string(updated)]
    }

    static func region(_ code: String, launch: String, version: Int = 0) -> JSONValue {
        ["artifact": "REGION", "instance": .string("\(code):v\(version)"), "date": .string(launch), "version_instance": .number(Double(version))]
    }

    static func service(_ rip: String, plan: String? = "myplan", _ extra: [String: JSONValue] = [:]) -> JSONValue {
        var object: JSONObject = ["artifact": "SERVICE", "instance": .string("\(rip):v0"), "version_instance": 0]
        if let plan { object["plan"] = .string(plan) }
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    /// Version `version` of `rip`'s plan in `region`.
    static func plan(
        _ rip: String, _ version: Int, _ region: String, latest: Int, date: String? = nil, updated: String? = nil,
        planName: String? = "myplan", _ extra: [String: JSONValue] = [:]
    ) -> JSONValue {
        var object: JSONObject = [
            "artifact": "SERVICE", "instance": .string("\(rip):v\(version):\(region)"),
            "belongs_to_artifact": "REGION", "belongs_to_instance": .string(region),
            "version_instance": .number(Double(version)), "version_latest": .number(Double(latest)),
        ]
        if let planName { object["plan"] = .string(planName) }
        if let date { object["date"] = .string(date) }
        if let updated { object["updated"] = .string(updated) }
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }
}

let may1 = Timestamp.parse("2020-05-01T04:05:06Z")!

/// Runs the report on `rows` at `now` and returns the payload JSON and the log.
func report(
    _ rows: [JSONValue], now: Date = may1, options: SlipsOptions = SlipsOptions(dryRun: true)
) async throws -> (payload: SlipsPayload, log: RecordingLogHandler) {
    let log = RecordingLogHandler()
    let payload = try await SlipsReport.build(
        store: InMemoryBuildables(rows), now: now, options: options, logger: log.logger())
    return (payload, log)
}

/// Two launched regions, one service with a plan in each, plus whatever `rows` adds.
func launched(_ rows: [JSONValue]) -> [JSONValue] {
    [Row.region("ABC", launch: "2020-01-01"), Row.region("DEF", launch: "2020-01-01")] + rows
}
