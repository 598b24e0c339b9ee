/// PBKDF2 (RFC 8018, 5.2) with HMAC-SHA256 as the pseudo-random function: what PostgreSQL's
/// SCRAM-SHA-256 derives its salted password with.
public enum PBKDF2 {
    /// `derivedCount` bytes derived from `password` and `salt` in `iterations` rounds
    /// (at least 1; `derivedCount` at least 1).
    public static func sha256(
        password: some Sequence<UInt8>, salt: some Sequence<UInt8>, iterations: Int, derivedCount: Int
    ) -> [UInt8] {
        precondition(iterations >= 1 && derivedCount >= 1, "PBKDF2 needs at least one iteration and one byte")
        let keyed = HMACSHA256(key: password)
        let salt = Array(salt)
        var derived: [UInt8] = []
        derived.reserveCapacity(derivedCount + SHA256.digestCount)
        var blockIndex: UInt32 = 1
        while derived.count < derivedCount {
            var mac = keyed
            mac.update(salt)
            mac.update([UInt8(blockIndex >> 24), UInt8(truncatingIfNeeded: blockIndex >> 16), UInt8(truncatingIfNeeded: blockIndex >> 8), UInt8(truncatingIfNeeded: blockIndex)])
            var u = mac.finalize()
            var t = u
            for _ in 1..<iterations {
                var next = keyed
                next.update(u)
                u = next.finalize()
                for i in 0..<t.count { t[i] ^= u[i] }
            }
            derived += t
            blockIndex += 1
        }
        return Array(derived.prefix(derivedCount))
    }
}
