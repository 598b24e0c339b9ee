import ReportKit

/// A table's items kept outside the values that name them, read attribute by attribute:
/// a store that parses its text once and answers from the bytes (or from columns) instead of
/// holding an object tree per item. A ``BuildableItem`` made with ``BuildableItem/init(row:of:)``
/// reads through it.
///
/// A conforming type is immutable once built: the same row always gives the same attributes.
public protocol ItemRows: AnyObject, Sendable {
    /// The attribute `name` of `row`, or `nil` when absent.
    func attribute(_ name: String, row: Int) -> JSONValue?
    /// `true` when `row` has attribute `name`, whatever its value.
    func hasAttribute(_ name: String, row: Int) -> Bool
    /// Every attribute of `row`, in stored order.
    func attributes(row: Int) -> JSONObject
    /// The text `artifact` of `row`.
    func artifact(row: Int) -> String
    /// The text `instance` of `row`.
    func instance(row: Int) -> String
    /// `true` when `row` is stored exactly as `otherRow` of `other` (then their attributes are
    /// equal); `false` says nothing.
    func storesSame(row: Int, as otherRow: Int, of other: any ItemRows) -> Bool
}
