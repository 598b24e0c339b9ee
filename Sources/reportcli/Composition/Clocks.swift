import ReportAdapters
import ReportKit

/// The clock of a run: `--now` when given, else the system clock.
enum Clocks {
    static func from(_ now: String?, command: String) throws(UsageError) -> any WallClock {
        guard let now else { return SystemClock() }
        guard let instant = Timestamp.parse(now) else {
            throw UsageError(command: command, "--now must be an ISO-8601 date or time, e.g. 2020-05-01T04:05:06Z; got '\(now)'")
        }
        return FixedClock(instant)
    }
}
