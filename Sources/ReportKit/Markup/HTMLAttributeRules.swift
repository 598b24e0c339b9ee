/// What names and values the markup writer accepts. Public so that a caller can check a
/// value from data first (and, say, show a refused link as text instead).
public enum HTMLAttributeRules {
    /// Attributes whose value is a URL the browser may follow or load.
    public static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "cite", "poster", "xlink:href"]

    /// Attributes refused outright: they load or run something the URL check cannot vet.
    public static let refusedAttributes: Set<String> = ["srcset", "background", "codebase", "data", "lowsrc", "dynsrc", "ping"]

    /// URL schemes allowed in ``urlAttributes``; a URL without a scheme (a path, `#part`,
    /// `?query`) is relative and allowed too.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Media types allowed as `data:` URLs in `src` (images a report embeds).
    public static let dataImageTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"]

    /// An element name: an ASCII letter, then letters, digits or `-` (custom elements and
    /// SVG's camel case, `linearGradient`, included).
    public static func isValidElementName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetter(first) else { return false }
        return name.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// An attribute name: an ASCII letter, then letters, digits, `-`, `_`, `.` or `:`; not an
    /// event handler (`on…`) and not one of ``refusedAttributes``.
    public static func isValidAttributeName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetter(first) else { return false }
        guard name.utf8.allSatisfy({ isLetter($0) || isDigit($0) || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":")].contains($0) }) else {
            return false
        }
        let lower = name.lowercased()
        return !lower.hasPrefix("on") && !refusedAttributes.contains(lower)
    }

    /// Whether `url` may be the value of `attribute` (one of ``urlAttributes``): relative, or
    /// with one of ``allowedSchemes``, or for `src` a base64 `data:` URL of an image type.
    /// The scheme is read as a browser reads it: leading and trailing spaces and controls and
    /// any tab or line break inside are ignored, and case does not matter, so
    /// `" JaVa\tScript:…"` is refused like `javascript:`.
    public static func isSafeURL(_ url: String, attribute: String = "href") -> Bool {
        var cleaned: [UInt8] = []
        for byte in url.utf8 where byte != 0x09 && byte != 0x0A && byte != 0x0D { cleaned.append(byte) }
        while let first = cleaned.first, first <= 0x20 { cleaned.removeFirst() }
        while let last = cleaned.last, last <= 0x20 { cleaned.removeLast() }
        guard let colon = cleaned.firstIndex(of: UInt8(ascii: ":")) else { return true }
        let beforeColon = cleaned[..<colon]
        // A '/', '?' or '#' before the first ':' makes it a relative URL with a colon later.
        if beforeColon.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            return true
        }
        let scheme = String(decoding: beforeColon, as: UTF8.self).lowercased()
        if allowedSchemes.contains(scheme) { return true }
        guard scheme == "data", attribute.lowercased() == "src" else { return false }
        let rest = String(decoding: cleaned[(colon + 1)...], as: UTF8.self).lowercased()
        guard let comma = rest.firstIndex(of: ",") else { return false }
        let header = rest[..<comma]
        guard header.hasSuffix(";base64") else { return false }
        return dataImageTypes.contains(String(header.dropLast(";base64".count)))
    }

    /// `http-equiv` values a page may declare (a `refresh` could redirect anywhere).
    public static let allowedHTTPEquiv: Set<String> = ["content-security-policy", "content-type", "x-ua-compatible"]

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
