/// Scalar rules: plain, single-quoted, double-quoted and literal block scalars.
extension YAMLParser {
    /// A quoted or plain scalar at the cursor. Continuation lines must be indented more
    /// than `blockIndent` (any indentation at -1).
    mutating func scalar(blockIndent: Int, inFlow: Bool) throws(Failure) -> YAMLNode {
        switch byte() {
        case UInt8(ascii: "\""): return try quotedScalar(double: true, blockIndent: blockIndent, inFlow: inFlow)
        case UInt8(ascii: "'"): return try quotedScalar(double: false, blockIndent: blockIndent, inFlow: inFlow)
        default: return try plainScalar(blockIndent: blockIndent, inFlow: inFlow, singleLine: false)
        }
    }

    private func isFlowIndicator(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    /// A plain (unquoted) scalar. Lines are folded: one break becomes a space, each further
    /// empty line a `\n`. It ends before `: `, ` #`, a less indented line, a comment line or
    /// a document marker, and in flow context before `,[]{}`.
    mutating func plainScalar(blockIndent: Int, inFlow: Bool, singleLine: Bool) throws(Failure) -> YAMLNode {
        let start = pos
        let startLocation = location(of: pos)
        guard let first = byte() else { return emptyNode(at: pos) }
        let indicators: [UInt8] = Array(",[]{}#&*!|>'\"%@`".utf8)
        if indicators.contains(first) || ((first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == UInt8(ascii: ":"))
            && (isSpaceOrEnd(byte(1)) || (inFlow && isFlowIndicator(byte(1)))))
        {
            if first == UInt8(ascii: ":") || isFlowIndicator(first) || first == UInt8(ascii: "#") {
                return emptyNode(at: pos)
            }
            try refuseUnsupported()
            throw Failure(offset: pos, message: "unexpected \(describeHere()); quote the value if it is text")
        }
        var text: [UInt8] = []
        var end = pos
        var lineContentStart = start
        while true {
            // One line of the scalar.
            while let byte = byte(), !isBreak(byte) {
                if byte == UInt8(ascii: ":"), isSpaceOrEnd(self.byte(1)) || (inFlow && isFlowIndicator(self.byte(1))) { break }
                if inFlow, isFlowIndicator(byte) { break }
                if byte == UInt8(ascii: "#"), pos > lineStart, isBlank(bytes[pos - 1]) { break }
                pos += 1
                if !isBlank(byte) { end = pos }
            }
            text.append(contentsOf: bytes[lineContentStart..<end])
            pos = end
            if singleLine { break }
            // A continuation line?
            let saved = (pos: pos, lineStart: lineStart, line: line)
            skipBlanks()
            guard isBreak(byte()) else { (pos, lineStart, line) = saved; break }
            var breaks = 0
            while isBreak(byte()) {
                consumeBreak()
                breaks += 1
                while byte() == 0x20 { pos += 1 }
                if column <= blockIndent, !isBreak(byte()), !atEnd { break }
                skipBlanks()
            }
            let continues = !atEnd && column > blockIndent && !atDocumentMarker() && byte() != UInt8(ascii: "#")
                && !(inFlow && isFlowIndicator(byte())) && !(byte() == UInt8(ascii: ":") && isSpaceOrEnd(byte(1)))
            guard continues else { (pos, lineStart, line) = saved; break }
            if breaks == 1 { text.append(0x20) } else { text.append(contentsOf: repeatElement(0x0A, count: breaks - 1)) }
            lineContentStart = pos
            end = pos
        }
        return YAMLNode(content: .scalar(YAMLScalar(text: String(decoding: text, as: UTF8.self), style: .plain)),
                        start: start, end: end, location: startLocation, isFlow: false)
    }

    /// A `"double"` or `'single'` quoted scalar, with escapes (double) or `''` (single), and
    /// line folding across lines.
    mutating func quotedScalar(double: Bool, blockIndent: Int, inFlow: Bool) throws(Failure) -> YAMLNode {
        let start = pos
        let startLocation = location(of: pos)
        let quote = bytes[pos]
        pos += 1
        var text: [UInt8] = []
        var keep = 0  // text before this index is never trimmed (escapes, content)
        while true {
            guard let byte = byte() else {
                throw Failure(offset: start, message: "unterminated \(double ? "double" : "single")-quoted scalar")
            }
            if byte == quote {
                if !double, self.byte(1) == quote {
                    text.append(quote)
                    pos += 2
                    keep = text.count
                    continue
                }
                pos += 1
                break
            }
            if double, byte == UInt8(ascii: "\\") {
                if isBreak(self.byte(1)) {
                    pos += 1
                    try foldBreaks(into: &text, escaped: true, quoteStart: start, blockIndent: blockIndent, inFlow: inFlow)
                } else {
                    try escape(into: &text)
                }
                keep = text.count
                continue
            }
            if isBreak(byte) {
                text.removeSubrange(keep...)
                try foldBreaks(into: &text, escaped: false, quoteStart: start, blockIndent: blockIndent, inFlow: inFlow)
                keep = text.count
                continue
            }
            text.append(byte)
            pos += 1
            if !isBlank(byte) { keep = text.count }
        }
        let decoded = String(decoding: text, as: UTF8.self)
        return YAMLNode(content: .scalar(YAMLScalar(text: decoded, style: double ? .doubleQuoted : .singleQuoted)),
                        start: start, end: pos, location: startLocation, isFlow: false)
    }

    /// At a line break inside quotes: one break folds to a space (nothing after an escaped
    /// break), each empty line to `\n`; the next line's leading blanks are dropped.
    private mutating func foldBreaks(into text: inout [UInt8], escaped: Bool, quoteStart: Int, blockIndent: Int, inFlow: Bool) throws(Failure) {
        var breaks = 0
        while isBreak(byte()) {
            consumeBreak()
            breaks += 1
            if atDocumentMarker() {
                throw Failure(offset: pos, message: "a document marker inside a quoted scalar; is a closing quote missing?")
            }
            while byte() == 0x20 { pos += 1 }
            let indent = column
            skipBlanks()
            if indent <= blockIndent, !isBreak(byte()), !atEnd, !inFlow {
                let style = bytes[quoteStart] == UInt8(ascii: "\"") ? "double" : "single"
                throw Failure(offset: quoteStart, message: "unterminated \(style)-quoted scalar: line \(line) is not indented more than \(blockIndent) spaces, so the closing quote is missing or the line is misplaced")
            }
        }
        if escaped {
            text.append(contentsOf: repeatElement(0x0A, count: breaks - 1))
        } else if breaks == 1 {
            text.append(0x20)
        } else {
            text.append(contentsOf: repeatElement(0x0A, count: breaks - 1))
        }
    }

    /// One escape of a double-quoted scalar at the cursor (on the backslash).
    private mutating func escape(into text: inout [UInt8]) throws(Failure) {
        let at = pos
        guard let letter = byte(1) else { throw Failure(offset: at, message: "unterminated double-quoted scalar") }
        pos += 2
        let simple: [UInt8: UInt32] = [
            UInt8(ascii: "0"): 0, UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, 0x09: 9,
            UInt8(ascii: "n"): 10, UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
            UInt8(ascii: "e"): 0x1B, 0x20: 0x20, UInt8(ascii: "\""): 0x22, UInt8(ascii: "/"): 0x2F,
            UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "N"): 0x85, UInt8(ascii: "_"): 0xA0,
            UInt8(ascii: "L"): 0x2028, UInt8(ascii: "P"): 0x2029,
        ]
        var scalar: UInt32
        if let value = simple[letter] {
            scalar = value
        } else {
            let digits: Int
            switch letter {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default:
                let shown = letter >= 0x20 && letter < 0x7F ? String(UnicodeScalar(letter)) : "0x\(String(letter, radix: 16))"
                throw Failure(offset: at, message: "invalid escape \\\(shown) in a double-quoted scalar")
            }
            scalar = 0
            for _ in 0..<digits {
                guard let digit = byte().flatMap(Self.hexValue) else {
                    throw Failure(offset: at, message: "\\\(Character(UnicodeScalar(letter))) needs \(digits) hex digits")
                }
                scalar = scalar << 4 | digit
                pos += 1
            }
        }
        guard let unicode = UnicodeScalar(scalar) else {
            throw Failure(offset: at, message: "\\\(Character(UnicodeScalar(letter))) names no Unicode scalar (a surrogate or beyond U+10FFFF)")
        }
        text.append(contentsOf: Array(String(Character(unicode)).utf8))
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
