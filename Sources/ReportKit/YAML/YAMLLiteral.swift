/// The literal block scalar: `|` with optional chomping (`-` strip, `+` keep, default clip)
/// and indentation (1-9) indicators, then lines kept exactly as written.
extension YAMLParser {
    mutating func literalScalar(parentIndent: Int) throws(Failure) -> YAMLNode {
        let start = pos
        let startLocation = location(of: pos)
        pos += 1
        var chomping: UInt8?
        var explicitIndent: Int?
        for _ in 0..<2 {
            if let byte = byte(), byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"), chomping == nil {
                chomping = byte
                pos += 1
            } else if let byte = byte(), byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9"), explicitIndent == nil {
                explicitIndent = Int(byte - UInt8(ascii: "0"))
                pos += 1
            }
        }
        if byte() == UInt8(ascii: "0") {
            throw Failure(offset: pos, message: "a block indentation indicator must be 1 to 9")
        }
        guard isSpaceOrEnd(byte()) else {
            throw Failure(offset: pos, message: "unexpected \(describeHere()) in a literal block header; expected '|', '|-', '|+' or an indentation digit")
        }
        try expectLineEnd(after: "the literal block header")
        var end = pos
        if atEnd { return literal("", start: start, end: end, location: startLocation) }
        // The cursor comes back to the end of the last line of the block, so that what
        // follows is read from its own line.
        var resume = (pos: pos, lineStart: lineStart, line: line)
        consumeBreak()

        let base = max(parentIndent, 0)
        var indent: Int
        if let explicitIndent {
            indent = base + explicitIndent
        } else {
            indent = try detectIndent(parentIndent: parentIndent)
        }
        var text: [UInt8] = []
        while !atEnd {
            var spaces = 0
            while spaces < indent, byte(spaces) == 0x20 { spaces += 1 }
            let afterSpaces = byte(spaces)
            if spaces == 0, afterSpaces == 0x09, indent > 0 {
                throw Failure(offset: pos, message: "a tab cannot indent a line of a literal block; use spaces")
            }
            if spaces == indent, !(indent == 0 && atDocumentMarker()), !isBreak(afterSpaces), afterSpaces != nil {
                pos += spaces
                let contentStart = pos
                while let byte = byte(), !isBreak(byte) { pos += 1 }
                text.append(contentsOf: bytes[contentStart..<pos])
                end = pos
                if atEnd { text.append(0x0A) }  // the end of the input ends the line
            } else if isBreak(afterSpaces) || afterSpaces == nil {
                pos += spaces
                if afterSpaces == nil {
                    if spaces > 0 { text.append(0x0A) }  // a last line of spaces ends the input
                    resume = (pos, lineStart, line)
                    break
                }
            } else if isBlank(afterSpaces), spaces < indent, restOfLine(from: pos + spaces).allSatisfy(isBlank) {
                pos += spaces
                skipBlanks()
            } else {
                break
            }
            resume = (pos, lineStart, line)
            guard isBreak(byte()) else { break }
            text.append(0x0A)
            consumeBreak()
        }
        (pos, lineStart, line) = resume
        // Chomping: strip drops every final break, clip keeps one, keep keeps all.
        var body = text
        while body.last == 0x0A { body.removeLast() }
        let trailing = text.count - body.count
        switch chomping {
        case UInt8(ascii: "-"): break
        case UInt8(ascii: "+"): body.append(contentsOf: repeatElement(0x0A, count: trailing))
        default: if !body.isEmpty, trailing > 0 { body.append(0x0A) }
        }
        return literal(String(decoding: body, as: UTF8.self), start: start, end: end, location: startLocation)
    }

    private func literal(_ text: String, start: Int, end: Int, location: SourceLocation) -> YAMLNode {
        YAMLNode(content: .scalar(YAMLScalar(text: text, style: .literal)), start: start, end: end, location: location, isFlow: false)
    }

    private func restOfLine(from offset: Int) -> ArraySlice<UInt8> {
        var end = offset
        while end < bytes.count, !isBreak(bytes[end]) { end += 1 }
        return bytes[min(offset, end)..<end]
    }

    /// The content indentation: that of the first non-empty line. Leading empty lines may not
    /// have more spaces than it.
    private func detectIndent(parentIndent: Int) throws(Failure) -> Int {
        var offset = pos
        var widestEmpty = 0
        var widestEmptyAt = pos
        while offset < bytes.count {
            var spaces = 0
            while offset + spaces < bytes.count, bytes[offset + spaces] == 0x20 { spaces += 1 }
            let next = offset + spaces < bytes.count ? bytes[offset + spaces] : nil
            if next == nil || isBreak(next) {
                if spaces > widestEmpty { widestEmpty = spaces; widestEmptyAt = offset }
                offset += spaces
                if next == nil { break }
                if bytes[offset] == 0x0D { offset += 1 }
                if offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
                continue
            }
            if next == 0x09, spaces <= parentIndent || spaces == 0 {
                // A tab where indentation is expected: the block has ended (or is malformed).
                return max(parentIndent + 1, widestEmpty)
            }
            if spaces <= parentIndent { return max(parentIndent + 1, widestEmpty) }
            if widestEmpty > spaces {
                throw Failure(offset: widestEmptyAt, message: "a leading empty line of the literal block has more spaces (\(widestEmpty)) than its first line (\(spaces))")
            }
            return spaces
        }
        return max(parentIndent + 1, widestEmpty)
    }
}
