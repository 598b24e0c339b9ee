/// Terminal escape sequences taken out of text (a traceback's colours): CSI sequences
/// (`ESC [ … final`), OSC sequences (`ESC ] … BEL` or `ESC \`), other two-byte escapes, and
/// the remaining C0 controls but tab and line breaks.
public enum ANSIText {
    public static func stripped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
                } else if next == "]" {
                    var previous: Unicode.Scalar = " "
                    while let byte = scalars.next() {
                        if byte == "\u{07}" || (previous == "\u{1B}" && byte == "\\") { break }
                        previous = byte
                    }
                }
                continue
            }
            if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
            if scalar.value == 0x7F { continue }
            out.append(scalar)
        }
        return String(out)
    }
}
