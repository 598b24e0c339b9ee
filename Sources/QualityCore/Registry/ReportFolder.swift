/// The folder a report's files go in, made from its name: `Table Summary` → `Table_Summary`.
///
/// The rules (checked when a folder is made, so a run never writes outside its date folder):
/// - a space (U+0020) becomes `_`;
/// - allowed as they are: ASCII letters and digits, `_`, `-`, `.`, and letters outside ASCII
///   (`Å`, `é`, `名`; a letter with combining marks counts as a letter);
/// - anything else is refused, naming the characters: `/`, `\`, `:`, quotes, tabs and other
///   control characters, emoji, punctuation such as `?` or `*`;
/// - not empty, not `.` or `..`, and at most 255 bytes of UTF-8 (one object key segment).
///
/// Folders compare without regard to case when the registry checks for duplicates, since
/// `Orders` and `orders` are one folder on a case-insensitive disk.
public struct ReportFolder: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The folder's name, one object key segment.
    public let name: String

    /// The longest folder name, in UTF-8 bytes.
    public static let maxByteCount = 255

    /// The folder for the report named `reportName`.
    ///
    /// - Throws: ``ReportFolder/Refusal`` saying which rule the name breaks.
    public init(reportName: String) throws(Refusal) {
        var refused: [Character] = []
        var folder = ""
        for character in reportName {
            if character == " " {
                folder.append("_")
            } else if Self.isAllowed(character) {
                folder.append(character)
            } else if !refused.contains(character) {
                refused.append(character)
            }
        }
        guard refused.isEmpty else { throw .refusedCharacters(refused) }
        guard !folder.isEmpty else { throw .empty }
        guard folder != ".", folder != ".." else { throw .dotSegment(folder) }
        guard folder.utf8.count <= Self.maxByteCount else { throw .tooLong(folder.utf8.count) }
        self.name = folder
    }

    /// Whether `character` may stand in a folder name as it is.
    public static func isAllowed(_ character: Character) -> Bool {
        if character.isASCII {
            return character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
        }
        // A letter, perhaps with combining marks: every scalar a letter or a mark.
        guard let first = character.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return scalar.properties.isAlphabetic
            }
        }
    }

    /// The key the duplicate check compares: the name, case folded.
    var collisionKey: String { name.lowercased() }

    public var description: String { name }

    public static func < (lhs: ReportFolder, rhs: ReportFolder) -> Bool { lhs.name < rhs.name }

    /// Why a report name makes no folder.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// Characters outside the allowed set, each once, in order of first appearance.
        case refusedCharacters([Character])
        case empty
        case dotSegment(String)
        case tooLong(Int)

        public var description: String {
            switch self {
            case .refusedCharacters(let characters):
                let shown = characters.map { character -> String in
                    let scalars = character.unicodeScalars
                    if scalars.count == 1, let scalar = scalars.first, scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                        return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                    }
                    return "'\(character)'"
                }
                return "the name can't be a folder: \(shown.joined(separator: ", ")) not allowed (letters, digits, '_', '-', '.' and spaces, which become '_')"
            case .empty: return "the name can't be a folder: it is empty"
            case .dotSegment(let folder): return "the name can't be a folder: '\(folder)' alone means a directory"
            case .tooLong(let count): return "the name can't be a folder: \(count) bytes of UTF-8, more than \(ReportFolder.maxByteCount)"
            }
        }
    }
}

extension String {
    /// The string with zeros in front, to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
