import ReportKit

/// A table or column name as one object-key segment of a summary's files
/// (`summaries/{table}/{column}.csv`), encoded so every name has its own segment and the
/// segment reads back as the name.
///
/// The encoding is percent-encoding of a few characters, as UTF-8 bytes `%XX` (upper-case hex):
/// - `%` itself, `/` and `\` (a folder separator in a key or on a disk);
/// - control characters (U+0000–U+001F, U+007F–U+009F), which no key may hold;
/// - the dots of a name that is only `.` or `..` (`%2E`, `%2E%2E`);
/// - the `s` of a column named exactly `summary` (`%73ummary`), whose value counts would
///   otherwise overwrite the table's `summary.csv` (the original lost its summary that way).
///
/// Every other character stays as it is (`Tromsø`, `age (years)`), so ordinary names read as
/// themselves. The encoding is injective (a `%` in a name is always encoded), and
/// ``decode(_:)`` reverses it: the change report reads the names back from the keys.
///
/// Refused, with ``NameSegmentError``: an empty name, and a name whose segment (with its
/// `.csv` or `.json`) would be longer than an object-key segment may be (255 bytes of UTF-8).
public struct NameSegment: Sendable, Hashable, CustomStringConvertible {
    /// The name as it is in the table.
    public let name: String
    /// The name as a key segment.
    public let segment: String

    /// The longest segment, leaving room for `.json`.
    public static let maxByteCount = 255 - 5

    /// What a name is in the file layout: a table's folder, or a column's file.
    public enum Role: String, Sendable, Hashable {
        case table
        case column
    }

    /// `name` as the segment of a table folder or a column file.
    public init(_ name: String, role: Role) throws(NameSegmentError) {
        guard !name.isEmpty else { throw NameSegmentError(name: name, role: role, problem: "is empty") }
        var segment = ""
        if name == "." || name == ".." {
            segment = String(repeating: "%2E", count: name.count)
        } else if role == .column, name == "summary" {
            segment = "%73ummary"
        } else {
            for scalar in name.unicodeScalars {
                if Self.isEncoded(scalar) {
                    for byte in String(scalar).utf8 { segment += "%" + Self.hex(byte) }
                } else {
                    segment.unicodeScalars.append(scalar)
                }
            }
        }
        guard segment.utf8.count <= Self.maxByteCount else {
            throw NameSegmentError(
                name: name, role: role,
                problem: "is too long for an object key: \(segment.utf8.count) bytes of UTF-8 as a key segment, at most \(Self.maxByteCount)")
        }
        self.name = name
        self.segment = segment
    }

    public var description: String { segment }

    /// The name a segment made by ``init(_:role:)`` stands for; `nil` when `segment` is not
    /// one (a `%` not followed by two hex digits, or bytes that are not UTF-8).
    public static func decode(_ segment: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(segment.utf8)[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard utf8.count >= 2, let high = hexValue(utf8.popFirst()!), let low = hexValue(utf8.popFirst()!) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func isEncoded(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "%" || scalar == "/" || scalar == "\\" || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

/// A table or column name that cannot be a key segment.
public struct NameSegmentError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var name: String
    public var role: NameSegment.Role
    public var problem: String

    /// Bad input: the table's own names.
    public var category: ErrorCategory { .badInput }

    public var description: String {
        // Escaped (control characters as `\u{…}`), cut after 60 characters.
        let cut = name.count > 60 ? String(name.prefix(60)) + "…" : name
        return "the \(role.rawValue) name \(String(reflecting: cut)) \(problem)"
    }
}
