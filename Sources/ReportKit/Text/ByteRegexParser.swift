/// Reads a pattern of ``ByteRegex``'s subset of RE2's syntax into a ``ByteRegexNode``.
///
///     alternation := sequence ('|' sequence)*
///     sequence    := (atom quantifier?)*
///     atom        := literal | '.' | '^' | '$' | class | escape | '(' alternation ')' | '(?:' alternation ')'
///     quantifier  := ('*' | '+' | '?' | '{m}' | '{m,}' | '{m,n}') '?'?
///     class       := '[' '^'? (item | item '-' item)+ ']'     (item: a literal, an escape, \d \w \s \D \W \S)
///
/// Anything else is refused with a ``ByteRegexError`` rather than read in a way another
/// engine would not: a possessive `*+`, a `{` that is not a repetition, `[` or `&&` or `--`
/// inside a class, a class starting with `]`, digits or letters after `\` other than the
/// ones above, `(?` forms other than `(?:`, counts above 1000.
struct ByteRegexParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    /// Groups open at `position`.
    private var depth = 0

    /// The most a `{m,n}` may count (RE2's limit).
    static let repetitionLimit = 1000
    /// The most groups open at once (RE2's limit), so a deep pattern is refused, not a crash.
    static let depthLimit = 1000

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    static func parse(_ pattern: String) throws(ByteRegexError) -> ByteRegexNode {
        var parser = ByteRegexParser(pattern)
        let node = try parser.alternation()
        if parser.position < parser.scalars.count { throw parser.error("unmatched ')'") }
        return node
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private func error(_ message: String) -> ByteRegexError { ByteRegexError(message, offset: position) }

    /// `alternation := sequence ('|' sequence)*`
    private mutating func alternation() throws(ByteRegexError) -> ByteRegexNode {
        var alternatives = [try sequence()]
        while current == "|" {
            position += 1
            alternatives.append(try sequence())
        }
        return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
    }

    /// `sequence := (atom quantifier?)*`, up to `|`, `)` or the end.
    private mutating func sequence() throws(ByteRegexError) -> ByteRegexNode {
        var parts: [ByteRegexNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let atomStart = position
            var node = try atom()
            if let (least, most) = try quantifier() {
                switch node {
                case .textStart, .textEnd:
                    position = atomStart
                    throw error("a repeated anchor")
                default:
                    break
                }
                node = .repetition(node, min: least, max: most)
                if let next = current, next == "*" || next == "+" || next == "?" || next == "{" {
                    throw error("a repetition of a repetition (possessive or nested quantifier)")
                }
            }
            parts.append(node)
        }
        return parts.count == 1 ? parts[0] : (parts.isEmpty ? .empty : .sequence(parts))
    }

    /// A quantifier and its optional lazy `?`, or `nil` when none follows.
    private mutating func quantifier() throws(ByteRegexError) -> (Int, Int?)? {
        guard let scalar = current else { return nil }
        let bounds: (Int, Int?)
        switch scalar {
        case "*": bounds = (0, nil); position += 1
        case "+": bounds = (1, nil); position += 1
        case "?": bounds = (0, 1); position += 1
        case "{": bounds = try counted()
        default: return nil
        }
        if current == "?" { position += 1 }
        return bounds
    }

    /// `{m}`, `{m,}` or `{m,n}`.
    private mutating func counted() throws(ByteRegexError) -> (Int, Int?) {
        position += 1
        guard let least = number() else { throw error("a '{' that is not a repetition") }
        var most: Int? = least
        if current == "," {
            position += 1
            most = number()
        }
        guard current == "}" else { throw error("a '{' that is not a repetition") }
        position += 1
        if least > Self.repetitionLimit || (most ?? 0) > Self.repetitionLimit { throw error("a repetition count over \(Self.repetitionLimit)") }
        if let most, most < least { throw error("a repetition {\(least),\(most)} whose maximum is below its minimum") }
        return (least, most)
    }

    private mutating func number() -> Int? {
        var value: Int?
        while let scalar = current, ("0"..."9").contains(scalar) {
            value = Swift.min((value ?? 0) * 10 + Int(scalar.value - 48), 1_000_000)
            position += 1
        }
        return value
    }

    private mutating func atom() throws(ByteRegexError) -> ByteRegexNode {
        let scalar = current!
        switch scalar {
        case "(":
            guard depth < Self.depthLimit else { throw error("groups nested more than \(Self.depthLimit) deep") }
            position += 1
            depth += 1
            defer { depth -= 1 }
            if current == "?" {
                guard position + 1 < scalars.count, scalars[position + 1] == ":" else {
                    throw error("a '(?' group other than '(?:' (flags, names and lookaround are outside the subset)")
                }
                position += 2
            }
            let inner = try alternation()
            guard current == ")" else { throw error("a '(' without its ')'") }
            position += 1
            return inner
        case "[":
            return .codePoints(try characterClass())
        case ".":
            position += 1
            return .codePoints(.anyButNewline)
        case "^":
            position += 1
            return .textStart
        case "$":
            position += 1
            return .textEnd
        case "\\":
            position += 1
            return .codePoints(try escape())
        case "*", "+", "?", "{":
            throw error("a quantifier with nothing to repeat")
        default:
            position += 1
            return .codePoints(CodePointClass([scalar.value...scalar.value]))
        }
    }

    /// The class after a `\` (the backslash read): `\d \w \s`, their negations, a control
    /// escape, `\xHH`, `\x{H…}`, or escaped ASCII punctuation.
    private mutating func escape() throws(ByteRegexError) -> CodePointClass {
        guard let scalar = current else { throw error("a '\\' at the end of the pattern") }
        position += 1
        func single(_ value: UInt32) -> CodePointClass { CodePointClass([value...value]) }
        switch scalar {
        case "d": return .digits
        case "D": return CodePointClass.digits.inverted
        case "w": return .wordCharacters
        case "W": return CodePointClass.wordCharacters.inverted
        case "s": return .spaces
        case "S": return CodePointClass.spaces.inverted
        case "n": return single(10)
        case "t": return single(9)
        case "r": return single(13)
        case "f": return single(12)
        case "v": return single(11)
        case "a": return single(7)
        case "x": return single(try hexEscape())
        default:
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar), scalar.value > 32, scalar.value < 127 else {
                position -= 1
                throw error("the escape '\\\(scalar)' (outside the subset)")
            }
            return single(scalar.value)
        }
    }

    /// The code point of `\xHH` or `\x{H…}` (the `\x` read).
    private mutating func hexEscape() throws(ByteRegexError) -> UInt32 {
        func digit() -> UInt32? {
            guard let scalar = current, scalar.isASCII, let value = UInt32(String(scalar), radix: 16) else { return nil }
            position += 1
            return value
        }
        if current == "{" {
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while let next = digit() {
                value = value * 16 + next
                digits += 1
                if value > CodePointClass.maximum { throw error("a code point over U+10FFFF") }
            }
            guard digits > 0, current == "}" else { throw error("a '\\x{' without hex digits and '}'") }
            position += 1
            return value
        }
        guard let high = digit(), let low = digit() else { throw error("a '\\x' without two hex digits") }
        return high * 16 + low
    }

    /// `[...]` (at its `[`).
    private mutating func characterClass() throws(ByteRegexError) -> CodePointClass {
        position += 1
        var negated = false
        if current == "^" {
            negated = true
            position += 1
        }
        if current == "]" { throw error("a class that starts with ']'") }
        var members = CodePointClass()
        var first = true
        while true {
            guard let scalar = current else { throw error("a '[' without its ']'") }
            if scalar == "]" { break }
            if scalar == "[" { throw error("a '[' inside a class (nested sets and POSIX classes are outside the subset)") }
            if scalar == "&", position + 1 < scalars.count, scalars[position + 1] == "&" { throw error("'&&' inside a class") }
            if scalar == "-", position + 1 < scalars.count, scalars[position + 1] == "-" { throw error("'--' inside a class") }
            if scalar == "-", !first, position + 1 < scalars.count, scalars[position + 1] != "]" {
                throw error("a '-' that is neither a range nor at an end of the class")
            }
            let (lower, lowerSet) = try classItem()
            first = false
            if let lower, current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                let (upper, upperSet) = try classItem()
                guard let upper, upperSet == nil else { throw error("a range that ends in a class") }
                guard lower <= upper else { throw error("a range whose end is before its start") }
                members.insert(lower...upper)
            } else if let lowerSet {
                if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" { throw error("a range that starts with a class") }
                members.formUnion(lowerSet)
            } else if let lower {
                members.insert(lower...lower)
            }
        }
        position += 1
        return negated ? members.inverted : members
    }

    /// One item of a class: a single code point, or a class escape (`\d`, …).
    private mutating func classItem() throws(ByteRegexError) -> (UInt32?, CodePointClass?) {
        let scalar = current!
        guard scalar == "\\" else {
            position += 1
            return (scalar.value, nil)
        }
        position += 1
        guard let escaped = current else { throw error("a '\\' at the end of the pattern") }
        if "dDwWsS".unicodeScalars.contains(escaped) { return (nil, try escape()) }
        let single = try escape()
        return (single.onlyMember, nil)
    }
}

extension CodePointClass {
    /// The one code point of a class of one.
    fileprivate var onlyMember: UInt32? {
        for codePoint in UInt32(0)..<128 where contains(codePoint) { return codePoint }
        return wide.first?.lowerBound
    }
}
