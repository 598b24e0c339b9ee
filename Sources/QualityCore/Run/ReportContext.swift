import Foundation
import ReportKit

/// What a report may use while it runs: the run's day and clock, the registry it belongs to,
/// its tables, and the store's earlier runs. Everything outside comes in through these ports.
public struct ReportContext: Sendable {
    /// The run's day: the `{YYYYMMDD}-reports` folder it writes.
    public var day: CalendarDay
    /// The run's instant (`--now`, or the start of `--date` in UTC).
    public var now: Date
    /// The registry the report is an entry of (the `requests` report reads it).
    public var registry: ReportRegistry
    /// Opens the tables and database queries the entry names.
    public var tables: any TableOpener
    /// The runs already in the store.
    public var history: any RunHistory

    public init(day: CalendarDay, now: Date, registry: ReportRegistry, tables: any TableOpener, history: any RunHistory) {
        self.day = day
        self.now = now
        self.registry = registry
        self.tables = tables
        self.history = history
    }
}
