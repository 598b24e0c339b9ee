import Foundation
@testable import ReportAdapters
import Testing

@Suite("PostgreSQL authentication: SCRAM-SHA-256 and MD5")
struct PostgresAuthenticationTests {
    // RFC 7677, section 3: user "user", password "pencil".
    static let clientNonce = "rOprNGfwEbeRWgbNEkqO"
    static let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"

    @Test("RFC 7677's exchange: the client's messages and proof, the server's signature accepted")
    func rfc7677() throws {
        var client = SCRAMSHA256Client(user: "user", password: Array("pencil".utf8), nonce: Self.clientNonce)
        #expect(String(decoding: client.clientFirstMessage, as: UTF8.self) == "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
        let final = try client.clientFinalMessage(serverFirst: Array(Self.serverFirst.utf8))
        #expect(String(decoding: final, as: UTF8.self)
            == "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
        try client.verify(serverFinal: Array("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8))
    }

    @Test("a wrong server signature, a server error and a nonce not extending ours are refused")
    func refusals() throws {
        var client = SCRAMSHA256Client(user: "user", password: Array("pencil".utf8), nonce: Self.clientNonce)
        _ = try client.clientFinalMessage(serverFirst: Array(Self.serverFirst.utf8))
        #expect(throws: PostgresError.self) { try client.verify(serverFinal: Array("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8)) }
        #expect(throws: PostgresError.self) { try client.verify(serverFinal: Array("e=invalid-proof".utf8)) }
        var other = SCRAMSHA256Client(user: "user", password: Array("pencil".utf8), nonce: "abc")
        #expect(throws: PostgresError.self) { _ = try other.clientFinalMessage(serverFirst: Array("r=xyz123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096".utf8)) }
        #expect(throws: PostgresError.self) { _ = try other.clientFinalMessage(serverFirst: Array("r=abc123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0".utf8)) }
    }

    @Test("random nonces differ, and user names escape ',' and '='")
    func nonceAndName() {
        let first = SCRAMSHA256Client(user: "", password: []).clientFirstMessage
        let second = SCRAMSHA256Client(user: "", password: []).clientFirstMessage
        #expect(first != second)
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("n,,n=,r="))
        #expect(SCRAMSHA256Client.saslName("a,b=c") == "a=2Cb=3Dc")
    }

    @Test("MD5: md5 + hex(MD5(hex(MD5(password + user)) + salt)), as Python's hashlib computes it")
    func md5() {
        let answer = PostgresMD5Password.answer(password: Array("secret".utf8), user: "reportkit", salt: [1, 2, 3, 4])
        #expect(String(decoding: answer, as: UTF8.self) == "md5a0fe7fc1b1336a296dddd13bacf51ee9")
    }
}
