/// Which of a column's value counts a finished profile lists.
///
/// A profile's figures (`distinct`, `top`, `freq`, the quartiles) are the same either way;
/// only ``ColumnProfile/valueCounts`` differs. Listing every value sorts them all by count
/// (texts by code point) and makes a value of each, which on a column of ten million
/// distinct texts is most of the finish: `reportcli profile`, which prints no list, asks
/// for the most frequent alone, and a table summary, which writes every count to its
/// `{column}.csv`, for all.
public enum ValueCountScope: Sendable, Hashable {
    /// Every distinct value with its count (sketch mode: the frequent candidates).
    case all
    /// The most frequent value only (``ColumnProfile/top``), exact mode; sketch mode lists
    /// its candidates as with ``all``.
    case mostFrequent
}
