import Foundation
import ReportKit
import SlipsCore

/// A buildables file, read: the document, its items and, for YAML, the node tree that
/// lets an update edit the text in place.
///
/// The file is a mapping with an `items:` sequence of mappings, each with text `artifact`
/// and `instance` attributes (the table's keys), unique together.
///
/// A class of constants: the store reads it for every lookup (hundreds of thousands in a
/// report), and a struct of six fields was copied, each field retained and released, at each.
final class BuildablesDocument {
    enum Format: String {
        case yaml, json
    }

    let path: String
    let format: Format
    /// The YAML text (empty for JSON).
    let bytes: [UInt8]
    /// The whole document as a value.
    let root: JSONValue
    /// The parsed YAML (nil for JSON).
    let yaml: YAMLNode?
    /// The items and their indexes.
    private let table: Table

    private init(path: String, format: Format, bytes: [UInt8], root: JSONValue, yaml: YAMLNode?, table: Table) {
        self.path = path
        self.format = format
        self.bytes = bytes
        self.root = root
        self.yaml = yaml
        self.table = table
    }

    /// The items: values, or rows of a plain JSON table (items made when asked).
    private enum Table {
        case values(items: [BuildableItem], index: [ItemKey: Int], byArtifact: [String: [Int]])
        case rows(JSONItemRows)
    }

    /// The items, in file order.
    var items: [BuildableItem] {
        switch table {
        case .values(let items, _, _): return items
        case .rows(let rows): return (0..<rows.count).map { BuildableItem(row: $0, of: rows) }
        }
    }

    /// The item at `position` (in file order).
    func item(at position: Int) -> BuildableItem {
        switch table {
        case .values(let items, _, _): return items[position]
        case .rows(let rows): return BuildableItem(row: position, of: rows)
        }
    }

    /// The position of the item keyed `artifact` and `instance`.
    func position(artifact: String, instance: String) -> Int? {
        switch table {
        case .values(_, let index, _): return index[ItemKey(artifact: artifact, instance: instance)]
        case .rows(let rows): return rows.row(artifact: artifact, instance: instance)
        }
    }

    /// ``position(artifact:instance:)``, looking beside `neighbor` first when it is a row of
    /// this table.
    func position(artifact: String, instance: String, near neighbor: BuildableItem) -> Int? {
        guard case .rows(let rows) = table, let near = neighbor.row(in: rows) else {
            return position(artifact: artifact, instance: instance)
        }
        return rows.row(artifact: artifact, instance: instance, near: near)
    }

    /// The positions of the items of `artifact`, in file order.
    func positions(artifact: String) -> [Int] {
        switch table {
        case .values(_, _, let byArtifact): return byArtifact[artifact] ?? []
        case .rows(let rows): return rows.rows(artifact: artifact)
        }
    }

    /// The format of `path`: by extension (`.json`, `.yaml`, `.yml`), else by the first
    /// non-blank byte (`{` is JSON).
    static func format(of path: String, bytes: UnsafeBufferPointer<UInt8>) -> Format {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".json") { return .json }
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return .yaml }
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        return first == UInt8(ascii: "{") ? .json : .yaml
    }

    /// Parses and checks `bytes`, the contents of `path`.
    static func read(_ bytes: [UInt8], path: String) throws -> BuildablesDocument {
        try bytes.withUnsafeBufferPointer { buffer in try read(buffer, path: path, owner: nil) }
    }

    /// Parses and checks `buffer`, the contents of `path`. A JSON table in the plain shape an
    /// export writes is kept as its text (``JSONItemRows``: `owner` keeps `buffer` valid, or
    /// with no owner it is copied); any other JSON is read into values and its text not kept;
    /// a YAML table's text is kept for in-place edits.
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, path: String, owner: AnyObject?) throws -> BuildablesDocument {
        let format = format(of: path, bytes: buffer)
        if format == .json, let rows = JSONItemRows.read(buffer, owner: owner) {
            return BuildablesDocument(path: path, format: .json, bytes: [], root: .object(["items": .array([])]), yaml: nil, table: .rows(rows))
        }
        let root: JSONValue
        var yaml: YAMLNode?
        var bytes: [UInt8] = []
        do {
            switch format {
            case .json:
                root = try JSONReader.parse(buffer)
            case .yaml:
                bytes = Array(buffer)
                let node = try YAML.parse(bytes)
                root = try node.resolved()
                yaml = node
            }
        } catch {
            throw error.inFile(path)
        }
        let (items, index, byArtifact) = try checkedItems(root, yaml: yaml, path: path, bytes: bytes)
        return BuildablesDocument(
            path: path, format: format, bytes: bytes, root: root, yaml: yaml,
            table: .values(items: items, index: index, byArtifact: byArtifact))
    }

    /// The `items` of `root`, each checked for its keys, duplicates rejected, and their indexes.
    private static func checkedItems(_ root: JSONValue, yaml: YAMLNode?, path: String, bytes: [UInt8]) throws
        -> ([BuildableItem], [ItemKey: Int], [String: [Int]])
    {
        let itemNodes = yaml.flatMap(Self.itemsNode(of:)).flatMap { node -> [YAMLNode]? in
            if case .sequence(let elements) = node.content { return elements }
            return nil
        }
        func problem(_ message: String, item index: Int? = nil) -> BuildablesFileError {
            let location = index.flatMap { itemNodes?[$0].location }
                ?? (index == nil ? yaml.map(\.location) : nil)
            let line = location.flatMap { SourceLocation.line($0.line, of: bytes) }
            return BuildablesFileError(path: path, location: location, sourceLine: line, message: message)
        }
        guard let object = root.objectValue else {
            throw problem("expected a mapping with an 'items' list at the top, found \(root.kindDescription)")
        }
        guard let itemsValue = object["items"] else {
            throw problem("no 'items' list at the top (found: \(object.keys.joined(separator: ", ")))")
        }
        if itemsValue.isNull { return ([], [:], [:]) }
        guard let values = itemsValue.arrayValue else {
            throw problem("'items' must be a list, found \(itemsValue.kindDescription)")
        }
        var items: [BuildableItem] = []
        items.reserveCapacity(values.count)
        var seen: [ItemKey: Int] = Dictionary(minimumCapacity: values.count)
        var byArtifact: [String: [Int]] = [:]
        for (index, value) in values.enumerated() {
            guard let attributes = value.objectValue else {
                throw problem("item \(index + 1) must be a mapping of attributes, found \(value.kindDescription)", item: index)
            }
            guard let artifact = attributes["artifact"]?.stringValue, !artifact.isEmpty,
                  let instance = attributes["instance"]?.stringValue, !instance.isEmpty
            else {
                let key = attributes["artifact"]?.stringValue?.isEmpty == false ? "instance" : "artifact"
                let found = attributes[key].map { "is \($0.kindDescription)" } ?? "is missing"
                throw problem("item \(index + 1): '\(key)' \(found); every item needs text 'artifact' and 'instance'", item: index)
            }
            if let earlier = seen.updateValue(index, forKey: ItemKey(artifact: artifact, instance: instance)) {
                throw problem("item \(index + 1) repeats artifact \(artifact) instance '\(instance)' of item \(earlier + 1)", item: index)
            }
            byArtifact[artifact, default: []].append(index)
            items.append(BuildableItem(attributes))
        }
        return (items, seen, byArtifact)
    }

    /// The value node of the top-level `items` key, when the document is a mapping.
    static func itemsNode(of root: YAMLNode) -> YAMLNode? {
        guard case .mapping(let pairs) = root.content else { return nil }
        return pairs.first { $0.key.scalarText == "items" }?.value
    }
}

/// The table's key: an item's artifact and instance.
struct ItemKey: Hashable {
    var artifact: String
    var instance: String

    // Instances rarely repeat across artifacts: hashing the instance alone is enough.
    func hash(into hasher: inout Hasher) {
        hasher.combine(instance)
    }
}

extension YAMLNode {
    /// The text of a scalar node, `nil` for collections.
    var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }
}

extension SourceLocation {
    /// The text of 1-based `line` in `bytes`, without its line break.
    static func line(_ line: Int, of bytes: [UInt8]) -> String? {
        var current = 1
        var start = 0
        var index = 0
        while index < bytes.count, current < line {
            if bytes[index] == 0x0A {
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == line else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A buildables file that is not a well-formed table: bad input, exit 2.
public struct BuildablesFileError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var path: String
    public var location: SourceLocation?
    public var sourceLine: String?
    public var message: String

    public var category: ErrorCategory { .badInput }

    public var description: String {
        guard let location else { return "\(path): error: buildables: \(message)" }
        let parse = ParseError(file: path, location: location, stage: "buildables", message: message, sourceLine: sourceLine)
        return parse.description
    }
}
