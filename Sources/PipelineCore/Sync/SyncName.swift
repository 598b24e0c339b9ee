/// The rules for a file's name below a source, checked before it becomes part of an object
/// key: the names come from listings and other servers, so they are hostile input.
enum SyncName {
    /// Why `name` may not name a synced file, or `nil` when it may: no control characters, not
    /// absolute, no empty, `.` or `..` segment, no backslash (a Windows separator).
    static func problem(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "the name holds a control character"
        }
        if name.hasPrefix("/") { return "the name is an absolute path" }
        if name.contains("\\") { return "the name holds a backslash" }
        for segment in name.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty { return "the name has an empty segment" }
            if segment == "." || segment == ".." { return "the name has a '\(segment)' segment" }
        }
        return nil
    }
}
