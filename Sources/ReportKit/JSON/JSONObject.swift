/// A JSON object: members in document order, looked up by key.
///
/// Objects in reports are small (a record's attributes), so members live in one array and
/// lookup is a linear scan; that keeps a million parsed records cheap to build.
/// Keys are unique: ``subscript(_:)`` replaces an existing member's value in place.
/// Two objects are equal when they hold the same members, in any order.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    /// One `key: value` member.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members, in document (or insertion) order.
    public private(set) var members: [Member]

    /// An object of `members`; when a key repeats, the last value wins at the first position.
    public init(_ members: [Member] = []) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members { self[member.key] = member.value }
    }

    /// Builds an object from members already known to have unique keys (a parser that
    /// rejected duplicates). Skips the uniqueness check.
    public init(uniqueMembers: [Member]) {
        self.members = uniqueMembers
    }

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> Member { members[position] }

    /// The keys, in order.
    public var keys: [String] { members.map(\.key) }

    /// The value of `key`, or `nil`. Setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            // Comparing lengths first skips most full string comparisons.
            let length = key.utf8.count
            return members.withUnsafeBufferPointer { buffer in
                for index in buffer.indices where buffer[index].key.utf8.count == length && buffer[index].key == key {
                    return buffer[index].value
                }
                return nil
            }
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// `true` when the object has a member `key` (whatever its value, `null` included).
    public func contains(key: String) -> Bool {
        members.contains { $0.key == key }
    }

    /// The members sorted by key, comparing Unicode code points.
    public var sortedMembers: [Member] {
        let inOrder = zip(members, members.dropFirst()).allSatisfy { $0.key.precedesByCodePoints($1.key) }
        return inOrder ? members : members.sorted { $0.key.precedesByCodePoints($1.key) }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for member in lhs.members where rhs[member.key] != member.value { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent, to agree with `==`.
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(literal: elements)
    }

    /// The object a literal writes: ``init(_:)`` of its members, in one step. A literal's few
    /// keys are compared pairwise (with `==`, as ``init(_:)`` compares them) instead of each being
    /// looked up as it is set; a repeated key, or a long literal, takes ``init(_:)``.
    init(literal elements: [(String, JSONValue)]) {
        var members: [Member] = []
        members.reserveCapacity(elements.count)
        for (key, value) in elements { members.append(Member(key: key, value: value)) }
        guard members.count <= 8 else {
            self.init(members)
            return
        }
        for later in members.indices {
            for earlier in 0..<later where members[earlier].key == members[later].key {
                self.init(members)
                return
            }
        }
        self.init(uniqueMembers: members)
    }
}
