import Foundation

/// The colours charts draw with. Each passes WCAG 2.1 AA for graphics (3:1, success
/// criterion 1.4.11) against both page backgrounds, white and ``darkBackground``, so one
/// chart reads in light and dark mode; text in charts uses `currentColor` (the page's text
/// colour). No chart relies on colour alone: signs and statuses are also written as text.
public enum ChartPalette {
    /// The page background in light mode.
    public static let lightBackground = "#ffffff"
    /// The page background in dark mode.
    public static let darkBackground = "#121417"
    /// A bar or a histogram bin.
    public static let bar = "#3b78c4"
    /// The "other" bar: the values outside the top ones.
    public static let other = "#6b7280"
    /// A change up (+).
    public static let increase = "#2e8b57"
    /// A change down (−).
    public static let decrease = "#c8553d"
    /// Grid lines and axes (decoration: not needed to read a value).
    public static let grid = "#8a8f98"
    /// Line chart series, in order, then repeating.
    public static let series = ["#3b78c4", "#c8553d", "#2e8b57", "#b7791f", "#7c8591"]

    /// The WCAG relative luminance of `#rrggbb`.
    public static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.utf8.dropFirst())
        func channel(_ offset: Int) -> Double {
            let text = String(decoding: digits[offset..<offset + 2], as: UTF8.self)
            let value = Double(Int(text, radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    /// The WCAG contrast ratio of two `#rrggbb` colours (1 to 21).
    public static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
