import ReportKit

/// The colour bar of a legacy attachment: one of Slack's three named colours or a hex code.
public struct SlackColor: RawRepresentable, Sendable, Hashable {
    /// `good`, `warning`, `danger` or `#RRGGBB`, as Slack reads it.
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Green.
    public static let good = SlackColor(rawValue: "good")
    /// Yellow.
    public static let warning = SlackColor(rawValue: "warning")
    /// Red: failed reports.
    public static let danger = SlackColor(rawValue: "danger")
    /// The original's blue (`#3AA3E3`), for neutral news.
    public static let info = SlackColor(rawValue: "#3AA3E3")
    /// Grey, for "… and N more".
    public static let muted = SlackColor(rawValue: "#9E9E9E")
}
