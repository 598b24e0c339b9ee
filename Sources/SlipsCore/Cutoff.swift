import Foundation
import ReportKit

/// Where a slips run starts looking: the end of the last successful run, but never further
/// back than the horizon.
///
/// The last run's end is the `updated` attribute of the `NOTIFICATION`/`region-slips` item.
/// It is used when it parses and is strictly later than `now − horizon`; otherwise the
/// horizon is the cutoff (a missing, unreadable or too-old record is logged as a warning).
public struct Cutoff: Sendable, Hashable {
    /// Where the cutoff came from.
    public enum Source: Sendable, Hashable {
        /// The stored end of the last successful run.
        case lastRun
        /// `now − horizon`, because the stored value was absent, unreadable or older.
        case horizon
    }

    /// The artifact of the item that stores the cutoff.
    public static let artifact = "NOTIFICATION"
    /// The instance of the item that stores the cutoff.
    public static let instance = "region-slips"

    public var instant: Date
    public var source: Source

    public init(instant: Date, source: Source) {
        self.instant = instant
        self.source = source
    }

    /// The cutoff for a run at `now`, from the stored item (if any).
    /// A horizon reaching before the year 0000 is taken as its start (``horizon(now:hours:)``
    /// refuses one; ``SlipsReport`` checks it first).
    public static func resolve(stored: BuildableItem?, now: Date, horizonHours: Int, logger: Logger) -> Cutoff {
        let horizon = (try? Self.horizon(now: now, hours: horizonHours)) ?? Timestamp.earliest
        guard let stored, let value = stored["updated"] else {
            logger.warning("no cutoff stored (artifact=\(artifact), instance=\(instance)); using the \(horizonHours)-hour horizon")
            return Cutoff(instant: horizon, source: .horizon)
        }
        guard let text = value.stringValue, let instant = Timestamp.parse(text) else {
            logger.warning("could not parse the stored cutoff \(BuildableItem.show(value)) (artifact=\(artifact), instance=\(instance)); using the \(horizonHours)-hour horizon")
            return Cutoff(instant: horizon, source: .horizon)
        }
        if instant > horizon {
            return Cutoff(instant: instant, source: .lastRun)
        }
        logger.debug("stored cutoff \(Timestamp.iso8601(instant)) is not after the horizon \(Timestamp.iso8601(horizon)); using the horizon")
        return Cutoff(instant: horizon, source: .horizon)
    }

    /// `now − hours`.
    ///
    /// - Throws: ``SlipsError/badOption(name:problem:)`` when it reaches before the year 0000.
    public static func horizon(now: Date, hours: Int) throws(SlipsError) -> Date {
        do {
            return try Timestamp.adding(-Double(hours) * 3600, to: now)
        } catch {
            throw SlipsError.badOption(name: "horizon", problem: "\(hours) hours before \(Timestamp.iso8601(now)) is before the year 0000")
        }
    }

    /// The text stored after a successful run at `now`: `YYYY-MM-DD HH:MM:SS UTC`.
    public static func storedText(for now: Date) -> String {
        Timestamp.secondUTC(now)
    }
}
