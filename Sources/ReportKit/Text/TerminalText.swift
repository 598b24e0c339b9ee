/// Text from files we did not write, made safe to print on a terminal: control characters
/// (C0 but line feed and tab, DEL, C1) become visible escapes such as `\u{1b}`, so an input
/// cannot move the cursor, recolour the screen or retitle the window through an error line
/// or a log line.
public enum TerminalText {
    /// `text` with each control character but `\n` and `\t` written as `\u{XX}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A C0 control but line feed and tab, DEL, or a C1 control.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
