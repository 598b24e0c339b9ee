import ReportKit
import Testing

@Suite("HMAC-SHA256 and PBKDF2")
struct HMACTests {
    @Test("RFC 4231 cases 1-4, 6 and 7", arguments: [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (Array(1...25), [UInt8](repeating: 0xcd, count: 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ([UInt8](repeating: 0xaa, count: 131),
         Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ])
    func rfc4231(key: [UInt8], message: [UInt8], mac: String) {
        #expect(Hex.encode(HMACSHA256.authenticate(message, key: key)) == mac)
        var pieces = HMACSHA256(key: key)
        for byte in message { pieces.update([byte]) }
        #expect(Hex.encode(pieces.finalize()) == mac)
    }

    @Test("RFC 4231 case 5: the first 128 bits")
    func truncated() {
        let mac = HMACSHA256.authenticate(Array("Test With Truncation".utf8), key: [UInt8](repeating: 0x0c, count: 20))
        #expect(Hex.encode(mac.prefix(16)) == "a3b6167473100ee06e0c796c2955552b")
    }

    /// RFC 7914 section 11's first PBKDF2-HMAC-SHA256 vector (its second, 80,000 rounds, takes
    /// 16 s in a debug build), and RFC 6070's inputs with SHA-256
    /// (expected values from Python's `hashlib.pbkdf2_hmac`).
    @Test("PBKDF2-HMAC-SHA256", arguments: [
        ("passwd", "salt", 1, 64, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"),
        ("password", "salt", 4096, 32, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        ("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40,
         "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"),
        ("pass\0word", "sa\0lt", 4096, 16, "89b69d0516f829893c696226650a8687"),
    ])
    func pbkdf2(password: String, salt: String, iterations: Int, count: Int, derived: String) {
        let key = PBKDF2.sha256(password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations, derivedCount: count)
        #expect(Hex.encode(key) == derived)
    }
}
