import Foundation
import ReportKit

/// Sets attributes of one item in a buildables YAML text by splicing the text, so that the
/// file's comments, blank lines and layout survive a cutoff update.
///
/// - An attribute the item has: its value's text is replaced.
/// - An attribute it lacks: a `key: value` line is added after the item's last line, at the
///   indentation of its keys.
/// - An item that does not exist: a new `- artifact: …` item is added after the last one.
///
/// Only block-style items and scalar values are edited this way; for anything else
/// ``apply(to:artifact:instance:set:)`` returns `nil` and the caller writes the whole document.
enum YAMLItemEdit {
    private struct Splice {
        var range: Range<Int>
        var text: String
    }

    static func apply(to document: BuildablesDocument, artifact: String, instance: String, set attributes: JSONObject) -> [UInt8]? {
        guard let root = document.yaml, let itemsNode = BuildablesDocument.itemsNode(of: root), !itemsNode.isFlow,
              case .sequence(let itemNodes) = itemsNode.content, let lastItem = itemNodes.last
        else { return nil }
        let bytes = document.bytes
        var splices: [Splice] = []

        if let index = document.items.firstIndex(where: { $0.artifact == artifact && $0.instance == instance }) {
            let itemNode = itemNodes[index]
            guard !itemNode.isFlow, case .mapping(let pairs) = itemNode.content, let firstKey = pairs.first?.key else { return nil }
            var added: [String] = []
            for member in attributes {
                guard let text = scalarText(member.value) else { return nil }
                if let pair = pairs.first(where: { $0.key.scalarText == member.key }) {
                    guard !pair.value.isFlow, pair.value.scalarText != nil || pair.value.start == pair.value.end else { return nil }
                    let gap = pair.value.start == pair.value.end ? " " : ""
                    splices.append(Splice(range: pair.value.start..<pair.value.end, text: gap + text))
                } else {
                    added.append("\(key(member.key)): \(text)")
                }
            }
            if !added.isEmpty {
                let indent = String(repeating: " ", count: firstKey.location.column - 1)
                splices.append(lineInsertion(after: itemNode.end, in: bytes, lines: added.map { indent + $0 }))
            }
        } else {
            var lines = ["- artifact: \(scalarText(.string(artifact))!)", "  instance: \(scalarText(.string(instance))!)"]
            for member in attributes where member.key != "artifact" && member.key != "instance" {
                guard let text = scalarText(member.value) else { return nil }
                lines.append("  \(key(member.key)): \(text)")
            }
            let indent = String(repeating: " ", count: itemsNode.location.column - 1)
            splices.append(lineInsertion(after: lastItem.end, in: bytes, lines: lines.map { indent + $0 }))
        }

        var edited = bytes
        for splice in splices.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            edited.replaceSubrange(splice.range, with: Array(splice.text.utf8))
        }
        return edited
    }

    /// Inserts whole lines after the line on which offset `end` lies (after any comment).
    private static func lineInsertion(after end: Int, in bytes: [UInt8], lines: [String]) -> Splice {
        if end > 0, end <= bytes.count, bytes[end - 1] == 0x0A {
            return Splice(range: end..<end, text: lines.map { $0 + "\n" }.joined())
        }
        var position = end
        while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
        return Splice(range: position..<position, text: lines.map { "\n" + $0 }.joined())
    }

    /// A one-line YAML scalar reading back as `value`, or `nil` for collections.
    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text):
            if isPlainWord(text) { return text }
            guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                return "\"" + JSONWriter.compact(value).dropFirst().dropLast() + "\""
            }
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .null, .bool, .number:
            return JSONWriter.compact(value)
        case .array, .object:
            return nil
        }
    }

    /// A mapping key: plain when it is a simple word, else quoted.
    private static func key(_ name: String) -> String {
        scalarText(.string(name))!
    }

    /// A word that reads back as the same string when written plain: a letter, then letters,
    /// digits, `_` or `-`, and not one of the core schema's null or boolean words.
    private static func isPlainWord(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        let wordy = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return wordy && !["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"].contains(text)
    }
}
