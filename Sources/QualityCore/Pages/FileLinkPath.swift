import ReportKit

/// A relative URL for a file beside the page: each segment percent-encoded (all but ASCII
/// letters, digits and `-._~`), and `./` in front, so a name with `:` is never read as a
/// scheme and `#`, `?` or spaces are never read as URL syntax.
public enum FileLinkPath {
    public static func href(_ path: ObjectKey) -> String {
        "./" + path.description.split(separator: "/", omittingEmptySubsequences: false).map { encode(String($0)) }.joined(separator: "/")
    }

    /// `segment` percent-encoded as a path segment.
    public static func encode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
