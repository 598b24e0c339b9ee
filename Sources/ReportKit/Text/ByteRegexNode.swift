/// A parsed regular expression of ``ByteRegex``'s subset. Groups leave no node of their own
/// (nothing is captured); lazy and greedy repetitions are one node (they match the same texts).
indirect enum ByteRegexNode: Sendable, Hashable {
    /// Matches the empty text.
    case empty
    /// One code point of the class.
    case codePoints(CodePointClass)
    /// `^`: the start of the text.
    case textStart
    /// `$`: the end of the text (not before a final line break).
    case textEnd
    /// The parts one after another.
    case sequence([ByteRegexNode])
    /// Any one of the alternatives.
    case choice([ByteRegexNode])
    /// The node `min` to `max` times (`nil`: no upper bound).
    case repetition(ByteRegexNode, min: Int, max: Int?)
}

/// Why a pattern is not one ``ByteRegex`` takes: a syntax error, or a construct outside the
/// subset (backreferences, lookaround, `\b`, flags, named groups, Unicode properties, POSIX
/// classes). `offset` counts the pattern's Unicode scalars from 0.
public struct ByteRegexError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public let offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) at offset \(offset)" }
}
