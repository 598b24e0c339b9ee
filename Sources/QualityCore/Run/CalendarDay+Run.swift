import Foundation
import ReportKit

extension CalendarDay {
    /// The UTC day of `instant`.
    public init(utc instant: Date) {
        // Timestamp.day always prints a day of the calendar in years 0000-9999.
        try! self.init(Timestamp.day(instant))
    }

    /// `YYYYMMDD`, as run folders are named.
    public var compact: String { description.replacingOccurrences(of: "-", with: "") }

    /// Midnight UTC at the start of the day.
    public var start: Date {
        Date(timeIntervalSince1970: Double(CivilCalendar.days(year: year, month: month, day: day)) * 86_400)
    }

    /// The run's folder: `{YYYYMMDD}-reports/`.
    public var runPrefix: ObjectPrefix {
        // Eight digits and a word: always a valid prefix.
        try! ObjectPrefix("\(compact)-reports/")
    }

    /// The run's manifest: `{YYYYMMDD}-reports/index.json`.
    public var manifestKey: ObjectKey {
        try! runPrefix.appending("index.json")
    }

    /// The folder of report `folder` in this day's run: `{YYYYMMDD}-reports/{Folder}/`.
    public func reportPrefix(_ folder: ReportFolder) -> ObjectPrefix {
        try! ObjectPrefix(runPrefix.text + folder.name + "/")
    }
}
