import Foundation
import ReportKit

/// One row of the buildables table: attributes keyed by `artifact` and `instance`.
///
/// Regions (`artifact: REGION`), services and their per-region plans (`artifact: SERVICE`)
/// and the cutoff record (`artifact: NOTIFICATION`) all live in the one table. Instances are
/// versioned: `chrisjen:v0` is service metadata, `chrisjen:v2:ABC` is version 2 of its plan in
/// region ABC, and version 0 is always the current one.
public struct BuildableItem: Sendable, Hashable {
    // Either a value of its own (`rows` is nil, the attributes are `object`) or `row` of
    // `rows`. Kept as stored properties, not an enum with payloads: a read then borrows `rows`
    // where taking it out of an enum case retained and released it, on every attribute read
    // (millions on a big table, from two threads at once, whose shared count then bounces).
    // Reads call through `rows?` for the same reason.
    private var object: JSONObject
    private var rows: (any ItemRows)?
    private var row: Int

    /// Every attribute, as stored (read from the row for an item of ``ItemRows``; setting it
    /// makes the item a value of its own).
    public var attributes: JSONObject {
        get {
            guard rows != nil else { return object }
            return rows?.attributes(row: row) ?? object
        }
        set {
            object = newValue
            rows = nil
            row = 0
        }
    }

    public init(_ attributes: JSONObject) {
        self.object = attributes
        self.rows = nil
        self.row = 0
    }

    /// The item stored as `row` of `rows`, read from there when asked.
    public init(row: Int, of rows: any ItemRows) {
        self.object = JSONObject(uniqueMembers: [])
        self.rows = rows
        self.row = row
    }

    /// The item's row when it is stored in `rows` (the same store), else `nil`.
    public func row(in rows: any ItemRows) -> Int? {
        guard let mine = self.rows, mine === rows else { return nil }
        return row
    }

    /// The attribute `name`, or `nil` when absent.
    public subscript(name: String) -> JSONValue? {
        // Through the optional itself, not a copy bound by `if let`: the call borrows `rows`
        // and takes no reference.
        guard rows != nil else { return object[name] }
        return rows?.attribute(name, row: row)
    }

    /// `true` when the item has attribute `name`, whatever its value.
    public func has(_ name: String) -> Bool {
        guard rows != nil else { return object.contains(key: name) }
        return rows?.hasAttribute(name, row: row) ?? false
    }

    /// The table's hash key.
    public var artifact: String {
        if let artifact = rows?.artifact(row: row) { return artifact }
        return self["artifact"]?.stringValue ?? ""
    }

    /// The table's range key.
    public var instance: String {
        if let instance = rows?.instance(row: row) { return instance }
        return self["instance"]?.stringValue ?? ""
    }

    public static func == (lhs: BuildableItem, rhs: BuildableItem) -> Bool {
        if let leftRows = lhs.rows, let rightRows = rhs.rows, leftRows.storesSame(row: lhs.row, as: rhs.row, of: rightRows) {
            return true
        }
        return lhs.attributes == rhs.attributes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(attributes)
    }

    /// The text before the first `:` of the instance: a service's rip name or a region's code.
    public var instancePrefix: String {
        let instance = instance
        let utf8 = instance.utf8
        // A `:` between ASCII bytes is a character of its own: cut at its byte. Elsewhere it
        // may join a cluster (`:` and a combining mark), so the characters decide.
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return instance }
        let after = utf8.index(after: colon)
        if (colon == utf8.startIndex || utf8[utf8.index(before: colon)] < 0x80) && (after == utf8.endIndex || utf8[after] < 0x80) {
            return String(instance[..<colon])
        }
        return String(instance.prefix { $0 != ":" })
    }
}

// MARK: - Validated access

extension BuildableItem {
    /// The attribute as text; absent, null or empty is an error, as is a value that is not text.
    func requiredString(_ name: String) throws(SlipsError) -> String {
        guard let value = self[name], !value.isNull else { throw missing(name) }
        guard let text = value.stringValue else {
            throw SlipsError.badItem(artifact, instance, field: name, problem: "is \(value.kindDescription), expected text")
        }
        guard !text.isEmpty else { throw missing(name) }
        return text
    }

    /// The attribute as a version number: a whole number, 0 or more.
    func requiredVersion(_ name: String) throws(SlipsError) -> Int {
        guard let value = self[name], !value.isNull else { throw missing(name) }
        if case .string(let text) = value, text.isEmpty { throw missing(name) }
        guard let number = value.intValue, number >= 0 else {
            throw SlipsError.badItem(artifact, instance, field: name, problem: "is \(Self.show(value)), expected a whole number of 0 or more")
        }
        return number
    }

    /// The attribute as an instant, `nil` when absent; present but unreadable is an error.
    func optionalInstant(_ name: String) throws(SlipsError) -> Date? {
        guard let value = self[name] else { return nil }
        guard let text = value.stringValue, let instant = Timestamp.parse(text) else {
            throw SlipsError.badItem(
                artifact, instance, field: name,
                problem: "is \(Self.show(value)), expected a date or timestamp such as 2020-04-26 or 2020-04-26T10:00:00Z")
        }
        return instant
    }

    /// `version_instance` is 0: the current version of whatever the item describes.
    func isCurrentVersion() throws(SlipsError) -> Bool {
        try requiredVersion("version_instance") == 0
    }

    private func missing(_ name: String) -> SlipsError {
        SlipsError.badItem(artifact, instance, field: name, problem: "is missing or empty")
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return "'\(text)'"
        case .number(let number):
            return number.rounded(.towardZero) == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        default: return value.kindDescription
        }
    }
}
