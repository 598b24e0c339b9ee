/// Reads a `sqlite://PATH[?NAME=VALUE[&NAME=VALUE]]` text for ``SQLiteSourceURL``.
struct SQLiteSourceURLParser {
    let scalars: [Unicode.Scalar]
    let field: String

    init(text: String, field: String) {
        scalars = Array(text.unicodeScalars)
        self.field = field
    }

    static let scheme = Array("sqlite://".unicodeScalars)

    /// `url := "sqlite://" path ("?" parameter ("&" parameter)*)?`
    mutating func parse() throws -> (path: String, selection: SQLiteSelection?) {
        let head = scalars.prefix(Self.scheme.count).map(lowered)
        guard head == Self.scheme else {
            throw failure(at: 0, "a SQLite source starts with sqlite:// (sqlite://data/clinic.db?table=visits)")
        }
        let start = Self.scheme.count
        let end = scalars[start...].firstIndex(of: "?") ?? scalars.count
        guard end > start else { throw failure(at: start, "the database path is empty") }
        let path = try decode(start..<end, what: "the path")
        guard end < scalars.count else { return (path, nil) }
        return (path, try parameters(from: end + 1))
    }

    /// `parameter := ("table" | "query") "=" value`, at most one of them.
    private func parameters(from start: Int) throws -> SQLiteSelection {
        var selection: SQLiteSelection?
        var position = start
        while position <= scalars.count {
            let end = scalars[position...].firstIndex(of: "&") ?? scalars.count
            guard let equals = scalars[position..<end].firstIndex(of: "=") else {
                throw failure(at: position, "expected table=NAME or query=SQL")
            }
            let name = String(String.UnicodeScalarView(scalars[position..<equals]))
            guard name == "table" || name == "query" else {
                throw failure(at: position, "unknown parameter \"\(name)\" (expected table or query)")
            }
            guard selection == nil else {
                throw failure(at: position, "only one of table and query can be given")
            }
            guard equals + 1 < end else { throw failure(at: equals + 1, "the \(name) is empty") }
            let value = try decode(equals + 1..<end, what: "the \(name)")
            selection = name == "table" ? .table(value) : .query(value)
            position = end + 1
        }
        guard let selection else { throw failure(at: start, "expected table=NAME or query=SQL after ?") }
        return selection
    }

    /// The scalars in `range`, `%XX` escapes decoded; the result must be UTF-8 without NUL.
    private func decode(_ range: Range<Int>, what: String) throws -> String {
        var bytes: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            guard scalar == "%" else {
                bytes.append(contentsOf: String(scalar).utf8)
                index += 1
                continue
            }
            guard index + 2 < range.upperBound, let high = Self.hexValue(scalars[index + 1]), let low = Self.hexValue(scalars[index + 2]) else {
                throw failure(at: index, "a % must be followed by two hexadecimal digits (%20 for a space)")
            }
            let byte = high << 4 | low
            guard byte != 0 else { throw failure(at: index, "\(what) cannot hold a NUL character (%00)") }
            bytes.append(byte)
            index += 3
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw failure(at: range.lowerBound, "\(what) does not decode to UTF-8 text")
        }
        return text
    }

    private func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "0"..."9": return UInt8(scalar.value - 48)
        case "a"..."f": return UInt8(scalar.value - 87)
        case "A"..."F": return UInt8(scalar.value - 55)
        default: return nil
        }
    }

    private func failure(at index: Int, _ message: String) -> SQLiteSourceURLError {
        SQLiteSourceURLError(field: field, column: index + 1, message: message)
    }
}
