import ReportKit

/// Compares a pipeline output with the original's the way parity is defined: numbers to 1e-9
/// (relative, or absolute below 1), `data` arrays in any order (sorted by `id`), and
/// `meta.publishedDate` (the date of the run) left out.
public enum JSONParity {
    /// `nil` when `actual` matches `expected`, else the first difference with its path.
    public static func difference(_ actual: JSONValue, _ expected: JSONValue, path: String) -> String? {
        switch (actual, expected) {
        case (.number(let a), .number(let b)):
            return abs(a - b) <= 1e-9 * max(1, abs(b)) ? nil : "\(path): \(a) != \(b)"
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return "\(path): \(a.count) elements, expected \(b.count)" }
            var a = a, b = b
            if path.hasSuffix(".data") {
                a.sort { ($0["id"]?.stringValue ?? "") < ($1["id"]?.stringValue ?? "") }
                b.sort { ($0["id"]?.stringValue ?? "") < ($1["id"]?.stringValue ?? "") }
            }
            for index in a.indices {
                if let difference = difference(a[index], b[index], path: "\(path)[\(index)]") { return difference }
            }
            return nil
        case (.object(let a), .object(let b)):
            let keys = Set(a.keys).union(b.keys).subtracting(path.hasSuffix(".meta") ? ["publishedDate"] : [])
            for key in keys.sorted() {
                guard let left = a[key], let right = b[key] else { return "\(path).\(key): present on one side only" }
                if let difference = difference(left, right, path: "\(path).\(key)") { return difference }
            }
            return nil
        default:
            return actual == expected ? nil : "\(path): \(actual) != \(expected)"
        }
    }
}
