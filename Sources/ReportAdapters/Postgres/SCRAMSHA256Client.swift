import Foundation
import ReportKit

/// The client side of SCRAM-SHA-256 (RFC 5802 with RFC 7677's hash), as PostgreSQL uses it
/// for `scram-sha-256` authentication, without channel binding (`n,,`).
///
///     var scram = SCRAMSHA256Client(user: "", password: password)
///     send(scram.clientFirstMessage)                       // SASLInitialResponse
///     send(try scram.clientFinalMessage(serverFirst: …))   // SASLResponse
///     try scram.verify(serverFinal: …)                     // AuthenticationSASLFinal
///
/// PostgreSQL takes the user from the start-up message and ignores the SCRAM user name, so it
/// is sent empty. The password is used as its UTF-8 bytes (no SASLprep: PostgreSQL, too, uses
/// the raw bytes of a password SASLprep would refuse).
struct SCRAMSHA256Client {
    static let mechanism = "SCRAM-SHA-256"
    /// Servers asking for more rounds than this are refused (PostgreSQL's default is 4096).
    static let maxIterations = 10_000_000

    private let password: [UInt8]
    private let clientNonce: String
    private let clientFirstBare: String
    private var expectedServerSignature: [UInt8]?

    /// A client for `user` and `password`; `nonce` is 18 random bytes in base64 unless given
    /// (tests pass RFC 7677's).
    init(user: String, password: [UInt8], nonce: String? = nil) {
        self.password = password
        clientNonce = nonce ?? Self.randomNonce()
        clientFirstBare = "n=\(Self.saslName(user)),r=\(clientNonce)"
    }

    /// `n,,n=USER,r=NONCE`.
    var clientFirstMessage: [UInt8] { Array(("n,," + clientFirstBare).utf8) }

    /// The proof for the server's `r=NONCE,s=SALT,i=ITERATIONS`: `c=biws,r=NONCE,p=PROOF`.
    /// - Throws: ``PostgresError/Reason/protocolViolation(_:)`` for a malformed message or a
    ///   nonce that does not extend ours.
    mutating func clientFinalMessage(serverFirst: [UInt8]) throws(PostgresError) -> [UInt8] {
        let text = String(decoding: serverFirst, as: UTF8.self)
        let attributes = Self.attributes(text)
        guard let nonce = attributes["r"], nonce.hasPrefix(clientNonce), nonce.count > clientNonce.count,
              let saltText = attributes["s"], let salt = Data(base64Encoded: saltText),
              let iterationText = attributes["i"], let iterations = Int(iterationText), (1...Self.maxIterations).contains(iterations)
        else { throw PostgresError(.protocolViolation("the server's SCRAM first message is not r=…,s=…,i=… extending our nonce")) }
        let salted = PBKDF2.sha256(password: password, salt: salt, iterations: iterations, derivedCount: SHA256.digestCount)
        let clientKey = HMACSHA256.authenticate(Array("Client Key".utf8), key: salted)
        let storedKey = SHA256.hash(clientKey)
        let withoutProof = "c=biws,r=\(nonce)"
        let authMessage = Array("\(clientFirstBare),\(text),\(withoutProof)".utf8)
        let clientSignature = HMACSHA256.authenticate(authMessage, key: storedKey)
        let proof = zip(clientKey, clientSignature).map { $0 ^ $1 }
        let serverKey = HMACSHA256.authenticate(Array("Server Key".utf8), key: salted)
        expectedServerSignature = HMACSHA256.authenticate(authMessage, key: serverKey)
        return Array("\(withoutProof),p=\(Data(proof).base64EncodedString())".utf8)
    }

    /// Checks the server's `v=SIGNATURE`: it proves the server knew the password too.
    /// - Throws: when the signature differs or the server sent `e=ERROR`.
    func verify(serverFinal: [UInt8]) throws(PostgresError) {
        let attributes = Self.attributes(String(decoding: serverFinal, as: UTF8.self))
        if let error = attributes["e"] { throw PostgresError(.protocolViolation("the server ended SCRAM with the error \(error)")) }
        guard let expectedServerSignature, let signature = attributes["v"].flatMap({ Data(base64Encoded: $0) }),
              Array(signature) == expectedServerSignature
        else { throw PostgresError(.protocolViolation("the server's SCRAM signature is wrong: it does not know the password")) }
    }

    /// `a=value,b=value` as a dictionary (values may hold `=`).
    static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in text.split(separator: ",") where part.count >= 2 && part[part.index(after: part.startIndex)] == "=" {
            result[String(part.prefix(1))] = String(part.dropFirst(2))
        }
        return result
    }

    /// A SCRAM `saslname`: `,` as `=2C` and `=` as `=3D`.
    static func saslName(_ name: String) -> String {
        name.replacingOccurrences(of: "=", with: "=3D").replacingOccurrences(of: ",", with: "=2C")
    }

    private static func randomNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<18).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }
}
