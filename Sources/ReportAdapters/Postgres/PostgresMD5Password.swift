import COpenSSL

/// PostgreSQL's `md5` password answer: `md5` + hex(MD5(hex(MD5(password + user)) + salt)).
/// MD5 comes from the system OpenSSL (libcrypto); it is only this legacy method's hash.
enum PostgresMD5Password {
    static func answer(password: [UInt8], user: String, salt: [UInt8]) -> [UInt8] {
        let inner = hex(md5(password + Array(user.utf8)))
        return Array("md5".utf8) + hex(md5(inner + salt))
    }

    static func md5(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { raw in EVP_Digest(raw.baseAddress, raw.count, &digest, &length, EVP_md5(), nil) }
        precondition(ok == 1, "OpenSSL's MD5 is unavailable")
        return Array(digest.prefix(Int(length)))
    }

    private static func hex(_ bytes: [UInt8]) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }
    }
}
