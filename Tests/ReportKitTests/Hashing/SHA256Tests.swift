import Foundation
import ReportKit
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180 vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func vectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
        #expect(SHA256.hex(Data(message.utf8)) == digest)
    }

    @Test("a million 'a's, fed in odd-sized pieces (1, 7, 63, 64, 65, 999 bytes, in turn)")
    func million() {
        var hasher = SHA256()
        let sizes = [1, 7, 63, 64, 65, 999]
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var fed = 0
        var turn = 0
        while fed < 1_000_000 {
            let count = min(sizes[turn % sizes.count], 1_000_000 - fed)
            hasher.update(piece[0..<count])
            fed += count
            turn += 1
        }
        #expect(Hex.encode(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("every split of a message gives the digest of the whole; finalize leaves the hasher usable")
    func splits() {
        let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = SHA256.hash(message)
        for cut in [0, 1, 55, 56, 63, 64, 65, 127, 128, 199, 200] {
            var hasher = SHA256()
            hasher.update(message[..<cut])
            _ = hasher.finalize()
            message[cut...].withUnsafeBytes { hasher.update($0) }
            #expect(hasher.finalize() == whole, "cut at \(cut)")
        }
    }

    /// Digests of `n` bytes of `x` from Python's hashlib: 55 bytes pad into one block, 56 into two.
    @Test("padding lengths around the block boundary", arguments: [
        (55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        (56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        (57, "ae14a2563ccf969d99aca69ce6bb74981f734bbf9f655f73b8f06db68cab5217"),
        (63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
        (64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
        (119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"),
        (120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"),
    ])
    func boundaries(length: Int, digest: String) {
        let message = [UInt8](repeating: UInt8(ascii: "x"), count: length)
        #expect(SHA256.hex(message) == digest)
        var byByte = SHA256()
        for byte in message { byByte.update([byte]) }
        #expect(Hex.encode(byByte.finalize()) == digest)
    }
}

@Suite("Hex")
struct HexTests {
    @Test func roundTrip() {
        #expect(Hex.encode([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(Hex.decode("000FA5ff") == [0x00, 0x0f, 0xa5, 0xff])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
