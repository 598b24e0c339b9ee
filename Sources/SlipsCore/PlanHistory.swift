import Foundation
import ReportKit

/// Rules for plan items: what a plan must hold, and what makes it a real plan.
enum PlanRecord {
    /// Checks the attributes the slips rules read from a plan (current or historical).
    static func validate(_ plan: BuildableItem) throws(SlipsError) {
        _ = try plan.requiredString("instance")
        _ = try plan.requiredVersion("version_instance")
        _ = try plan.requiredVersion("version_latest")
        _ = try plan.requiredString("belongs_to_instance")
        _ = try plan.optionalInstant("date")
        _ = try plan.optionalInstant("updated")
    }

    /// A plan is valid when its status is GA or IA, its confidence is Complete, or it has a `date`.
    static func isValid(_ plan: BuildableItem) -> Bool {
        let status = plan["status"]?.stringValue
        return status == "GA" || status == "IA" || plan["confidence"]?.stringValue == "Complete"
            || plan.has("date")
    }

    /// The key of version `version` of a service's plan in a region: `<rip>:v<N>:<region>`.
    static func instance(rip: String, version: Int, region: String) -> String {
        "\(rip):v\(version):\(region)"
    }
}

/// What a current plan is compared with: the plan as it stood before the window.
public enum PreviousPlan: Sendable, Hashable {
    /// Compare the current plan with this record.
    case found(BuildableItem)
    /// `version_latest` is 0: the plan has no history, nothing to compare.
    case noHistory
    /// The record that would be the previous plan does not exist.
    case missing(version: Int)
}

extension PreviousPlan {
    /// Finds the plan that stood before the window `[cutoff, now]`, so the comparison gives
    /// the net change across the window.
    ///
    /// Walks down from `version_latest` while each version exists and was `updated` at or after
    /// `cutoff` (a missing record or one without `updated` stops the walk). The previous plan is
    /// the version just before the earliest in-window one, or version 1 itself when the walk
    /// reached it. With no in-window version, it is the `version_latest` record.
    ///
    /// - Parameter lookup: fetches version N of this plan (`<rip>:v<N>:<region>`), `nil` when
    ///   absent. Each version is asked for at most once.
    public static func find(
        current: BuildableItem, cutoff: Date, logger: Logger,
        lookup: (Int) async throws -> BuildableItem?
    ) async throws -> PreviousPlan {
        let latest = try current.requiredVersion("version_latest")
        // The walk asks for ever lower versions, and the previous plan is the last one it
        // asked for (or one not asked for yet): remembering the last is enough.
        var last: (version: Int, item: BuildableItem?)?
        func record(_ version: Int) async throws -> BuildableItem? {
            if let last, last.version == version { return last.item }
            let item = try await lookup(version)
            if let item { try PlanRecord.validate(item) }
            last = (version, item)
            return item
        }

        var earliestInWindow: Int?
        var version = latest
        while version > 0 {
            guard let item = try await record(version), let updated = try item.optionalInstant("updated"),
                  updated >= cutoff
            else {
                logger.debug("\(current.instance): v\(version) missing or updated before the cutoff; walk stops")
                break
            }
            logger.debug("\(current.instance): v\(version) updated \(Timestamp.iso8601(updated)) is in the window")
            earliestInWindow = version
            version -= 1
        }

        let previousVersion: Int
        if let earliest = earliestInWindow {
            previousVersion = earliest == 1 ? 1 : earliest - 1
        } else if latest == 0 {
            logger.debug("\(current.instance): version_latest is 0, no history to compare")
            return .noHistory
        } else {
            previousVersion = latest
        }
        guard let previous = try await record(previousVersion) else { return .missing(version: previousVersion) }
        logger.debug("\(current.instance): comparing with v\(previousVersion)")
        return .found(previous)
    }
}
