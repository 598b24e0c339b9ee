/// Runs a ``ByteRegex`` over UTF-8 bytes as a lazily built DFA: each DFA state is a set of
/// NFA states, made the first time it is reached; an ASCII byte's step from a state is kept in
/// a 128-entry row, a non-ASCII code point's is worked out from the NFA each time. At most
/// ``stateLimit`` states are kept; reaching the limit empties the cache and goes on. Every
/// input is read once, byte by byte, whatever the pattern: linear time, no backtracking.
///
/// Only whether the pattern matches is answered (no positions or groups). Bytes that are not
/// valid UTF-8 read as U+FFFD, one per byte. Not for use from several threads at once (the
/// cache changes as it runs); make one matcher per thread.
public final class ByteRegexMatcher {
    /// How a match may lie in the text.
    public enum Mode: Sendable {
        /// Anywhere (a search, as RE2's partial match and duckdb's `regexp_matches`).
        case search
        /// At the start of the text (a prefix; a full match needs `$` in the pattern).
        case prefix
    }

    /// The most DFA states kept at once.
    public static let stateLimit = 2_048

    private let instructions: [ByteRegexProgram.Instruction]
    private let classes: [CodePointClass]
    private let start: Int32
    private let mode: Mode

    private var sets: [[Int32]] = []
    private var ids: [[Int32]: Int32] = [:]
    private var rows: [Int32] = []
    private var flags: [UInt8] = []
    private var initial: Int32 = -1
    private var flushes = 0
    /// The start's closure away from the text's start, added at every step of a search.
    private var restart: [Int32] = []

    private var marks: [UInt32]
    private var generation: UInt32 = 0
    private var stack: [Int32] = []
    private var buffer: [Int32] = []

    private static let matched: UInt8 = 1
    private static let dead: UInt8 = 2
    private static let endKnown: UInt8 = 4
    private static let matchesAtEnd: UInt8 = 8

    public init(_ regex: ByteRegex, mode: Mode = .search) {
        instructions = regex.program.instructions
        classes = regex.program.classes
        start = regex.program.start
        self.mode = mode
        marks = Array(repeating: 0, count: instructions.count)
        if mode == .search {
            beginClosure()
            addClosure(start, atStart: false, atEnd: false)
            restart = buffer.sorted()
        }
    }

    /// Whether the pattern matches `bytes` (anywhere or at the start, by ``Mode``).
    public func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if initial < 0 {
            beginClosure()
            addClosure(start, atStart: true, atEnd: false)
            initial = intern(buffer.sorted())
        }
        var state = initial
        if flags[Int(state)] & (Self.matched | Self.dead) != 0 { return flags[Int(state)] & Self.matched != 0 }
        if bytes.isEmpty { return matchesAtEmptyEnd(state) }
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                let next = rows[Int(state) &* 128 &+ Int(byte)]
                state = next >= 0 ? next : step(state, codePoint: UInt32(byte), cachedAt: Int(byte))
                index &+= 1
            } else {
                let (codePoint, length) = Self.decode(bytes, at: index)
                state = step(state, codePoint: codePoint, cachedAt: nil)
                index &+= length
            }
            let stateFlags = flags[Int(state)]
            if stateFlags & (Self.matched | Self.dead) != 0 { return stateFlags & Self.matched != 0 }
        }
        return matchesAtEnd(state)
    }

    /// Whether the pattern matches `text`.
    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }

    /// The state after `codePoint`; keeps it in the ASCII row when `cachedAt` is given.
    private func step(_ state: Int32, codePoint: UInt32, cachedAt column: Int?) -> Int32 {
        beginClosure()
        for member in sets[Int(state)] {
            if case .consume(let set, let next) = instructions[Int(member)], classes[Int(set)].contains(codePoint) {
                addClosure(next, atStart: false, atEnd: false)
            }
        }
        if mode == .search {
            for member in restart where marks[Int(member)] != generation {
                marks[Int(member)] = generation
                buffer.append(member)
            }
        }
        let flushesBefore = flushes
        let next = intern(buffer.sorted())
        // When intern emptied a full cache, `state` is gone and has no row to keep the step in.
        if let column, flushes == flushesBefore { rows[Int(state) &* 128 &+ column] = next }
        return next
    }

    private func intern(_ set: [Int32]) -> Int32 {
        if let id = ids[set] { return id }
        if sets.count >= Self.stateLimit {
            sets.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            rows.removeAll(keepingCapacity: true)
            flags.removeAll(keepingCapacity: true)
            initial = -1
            flushes += 1
        }
        let id = Int32(sets.count)
        sets.append(set)
        ids[set] = id
        rows.append(contentsOf: repeatElement(-1, count: 128))
        var stateFlags: UInt8 = 0
        if set.isEmpty { stateFlags |= Self.dead }
        for member in set {
            if case .match = instructions[Int(member)] { stateFlags |= Self.matched }
        }
        flags.append(stateFlags)
        return id
    }

    /// Whether the text may end in `state`: a `$` leads to the match from it.
    private func matchesAtEnd(_ state: Int32) -> Bool {
        let stateFlags = flags[Int(state)]
        if stateFlags & Self.endKnown != 0 { return stateFlags & Self.matchesAtEnd != 0 }
        let result = endClosureMatches(state, atStart: false)
        flags[Int(state)] |= Self.endKnown | (result ? Self.matchesAtEnd : 0)
        return result
    }

    /// The same for the empty text, where `^` holds as well.
    private func matchesAtEmptyEnd(_ state: Int32) -> Bool {
        endClosureMatches(state, atStart: true)
    }

    private func endClosureMatches(_ state: Int32, atStart: Bool) -> Bool {
        beginClosure()
        for member in sets[Int(state)] {
            if case .textEnd(let next) = instructions[Int(member)] { addClosure(next, atStart: atStart, atEnd: true) }
        }
        return buffer.contains { if case .match = instructions[Int($0)] { return true } else { return false } }
    }

    private func beginClosure() {
        generation &+= 1
        if generation == 0 {
            for index in marks.indices { marks[index] = 0 }
            generation = 1
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Adds to `buffer` the states `from` leads to without reading: the consuming ones, the
    /// match, and (not at the end) the `$` assertions still to be tested.
    private func addClosure(_ from: Int32, atStart: Bool, atEnd: Bool) {
        stack.append(from)
        while let pc = stack.popLast() {
            guard marks[Int(pc)] != generation else { continue }
            marks[Int(pc)] = generation
            switch instructions[Int(pc)] {
            case .consume, .match:
                buffer.append(pc)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .textStart(let next):
                if atStart { stack.append(next) }
            case .textEnd(let next):
                if atEnd { stack.append(next) } else { buffer.append(pc) }
            }
        }
    }

    /// The code point at `index` and its length in bytes (at a byte of 0x80 or more). A byte
    /// sequence that is not valid UTF-8 reads as U+FFFD for each maximal subpart (the longest
    /// start of a valid sequence, or one byte), as Swift's `String(decoding:as:)` reads it.
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        let needed: Int
        var second: ClosedRange<UInt32> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0: needed = 2; second = 0xA0...0xBF
        case 0xED: needed = 2; second = 0x80...0x9F
        case 0xE1...0xEF: needed = 2
        case 0xF0: needed = 3; second = 0x90...0xBF
        case 0xF4: needed = 3; second = 0x80...0x8F
        case 0xF1...0xF3: needed = 3
        default: return (0xFFFD, 1)
        }
        var value = lead & (needed == 1 ? 0x1F : needed == 2 ? 0x0F : 0x07)
        for offset in 1...needed {
            guard index + offset < bytes.count else { return (0xFFFD, offset) }
            let byte = UInt32(bytes[index + offset])
            guard (offset == 1 ? second : 0x80...0xBF).contains(byte) else { return (0xFFFD, offset) }
            value = value << 6 | (byte & 0x3F)
        }
        return (value, needed + 1)
    }
}
