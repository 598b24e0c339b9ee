/// A top-level object's members with where each value is written, for readers that need a
/// value's source text (JSON Lines cells keep numbers as written: `1.50`, 16-digit ids).
struct JSONMemberSpan {
    var key: String
    var value: JSONValue
    /// The value's bytes in the parsed buffer.
    var span: Range<Int>
}

extension JSONByteParser {
    /// `ws object ws`, the whole buffer: the object's members in document order, each with
    /// its value's byte range. Anything but an object is a failure naming what was found.
    mutating func topLevelMembers() throws(Failure) -> [JSONMemberSpan] {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            throw Failure(offset: index, message: "expected a JSON object on each line, found \(foundKind())")
        }
        try enter()
        index += 1
        while memberScratch.count < depth {
            memberScratch.append([])
            hashScratch.append([])
            keySets.append([])
        }
        let level = depth - 1
        defer {
            hashScratch[level].removeAll(keepingCapacity: true)
            keySets[level].removeAll(keepingCapacity: true)
        }
        var members: [JSONMemberSpan] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw Failure(offset: index, message: "expected a member name in double quotes, found \(describe(index))")
                }
                let keyStart = index
                let (key, hash) = try memberName()
                if isDuplicateMember(key, hash: hash, in: members, level: level) {
                    throw Failure(offset: keyStart, message: "duplicate key '\(key)' in an object")
                }
                hashScratch[level].append(hash)
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw Failure(offset: index, message: "expected ':' after the member name, found \(describe(index))")
                }
                index += 1
                skipWhitespace()
                let start = index
                let value = try value()
                members.append(JSONMemberSpan(key: key, value: value, span: start..<index))
                skipWhitespace()
                guard index < bytes.count else { throw Failure(offset: index, message: "unterminated object: expected ',' or '}'") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                throw Failure(offset: index, message: "expected ',' or '}' after an object member, found \(describe(index))")
            }
        }
        depth -= 1
        skipWhitespace()
        guard index == bytes.count else {
            throw Failure(offset: index, message: "unexpected \(describe(index)) after the JSON object (one object per line)")
        }
        return members
    }

    /// Duplicate check for ``topLevelMembers()``: hashes scanned, or a key set past 32 members.
    private mutating func isDuplicateMember(_ key: String, hash: Int, in members: [JSONMemberSpan], level: Int) -> Bool {
        if members.count < 32 {
            for (position, other) in hashScratch[level].enumerated() where other == hash && members[position].key == key {
                return true
            }
            return false
        }
        if members.count == 32 { keySets[level] = Set(members.map(\.key)) }
        return !keySets[level].insert(key).inserted
    }

    /// What starts at `index`, in words: `an array`, `a string`, `the end of the line`.
    private func foundKind() -> String {
        guard index < bytes.count else { return "the end of the line" }
        switch bytes[index] {
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        default: return describe(index)
        }
    }
}
