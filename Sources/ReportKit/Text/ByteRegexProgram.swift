/// A ``ByteRegexNode`` compiled to a Thompson NFA: instructions that consume one code point
/// of a class, fork, assert the start or end of the text, or accept. Counted repetitions are
/// unrolled (`x{2,3}` is `xx(x)?`), so a program has at most ``instructionLimit`` instructions.
struct ByteRegexProgram: Sendable {
    enum Instruction: Sendable {
        /// One code point in `classes[set]`, then `next`.
        case consume(set: Int32, next: Int32)
        /// Both ways at once.
        case split(Int32, Int32)
        /// Only at the start of the text, then `next`.
        case textStart(next: Int32)
        /// Only at the end of the text, then `next`.
        case textEnd(next: Int32)
        /// The pattern matched.
        case match
    }

    /// The most instructions a program may have (unrolled counts make more; such a pattern is
    /// refused).
    static let instructionLimit = 50_000

    /// The most nodes the compiler may visit: a count of a part that adds no instructions
    /// (`(){1000}`, `x{0}`) is unrolled all the same, and nested counts multiply.
    static let visitLimit = 200_000

    private(set) var instructions: [Instruction] = [.match]
    private var visits = 0
    private(set) var classes: [CodePointClass] = []
    private(set) var start: Int32 = 0

    init(_ node: ByteRegexNode) throws(ByteRegexError) {
        var classIndexes: [CodePointClass: Int32] = [:]
        start = try compile(node, next: 0, classIndexes: &classIndexes)
    }

    /// Appends the instructions of `node`, continuing at `next`; returns its entry.
    private mutating func compile(_ node: ByteRegexNode, next: Int32, classIndexes: inout [CodePointClass: Int32]) throws(ByteRegexError) -> Int32 {
        visits += 1
        guard visits <= Self.visitLimit else {
            throw ByteRegexError("a pattern whose counts unroll to more than \(Self.visitLimit) parts", offset: 0)
        }
        switch node {
        case .empty:
            return next
        case .codePoints(let set):
            let index = classIndexes[set] ?? {
                classes.append(set)
                classIndexes[set] = Int32(classes.count - 1)
                return Int32(classes.count - 1)
            }()
            return try append(.consume(set: index, next: next))
        case .textStart:
            return try append(.textStart(next: next))
        case .textEnd:
            return try append(.textEnd(next: next))
        case .sequence(let parts):
            var entry = next
            for part in parts.reversed() { entry = try compile(part, next: entry, classIndexes: &classIndexes) }
            return entry
        case .choice(let alternatives):
            var entry = try compile(alternatives[alternatives.count - 1], next: next, classIndexes: &classIndexes)
            for alternative in alternatives.dropLast().reversed() {
                let branch = try compile(alternative, next: next, classIndexes: &classIndexes)
                entry = try append(.split(branch, entry))
            }
            return entry
        case .repetition(let body, let least, let most):
            var entry = next
            if let most {
                for _ in 0..<(most - least) {
                    let branch = try compile(body, next: entry, classIndexes: &classIndexes)
                    entry = try append(.split(branch, next))
                }
            } else {
                // The loop: a fork into the body, which comes back to the fork.
                let loop = try append(.match)
                let branch = try compile(body, next: loop, classIndexes: &classIndexes)
                instructions[Int(loop)] = .split(branch, next)
                entry = least == 0 ? loop : branch
            }
            let mandatory = most == nil ? Swift.max(least - 1, 0) : least
            for _ in 0..<mandatory { entry = try compile(body, next: entry, classIndexes: &classIndexes) }
            return entry
        }
    }

    private mutating func append(_ instruction: Instruction) throws(ByteRegexError) -> Int32 {
        guard instructions.count < Self.instructionLimit else {
            throw ByteRegexError("a pattern of more than \(Self.instructionLimit) instructions once its counts are unrolled", offset: 0)
        }
        instructions.append(instruction)
        return Int32(instructions.count - 1)
    }
}
