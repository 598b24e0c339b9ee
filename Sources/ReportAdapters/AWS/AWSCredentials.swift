/// An AWS access key (and session token, for temporary credentials).
///
/// Its description never shows the secret or the token: credentials can be logged safely.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: ***\(sessionToken == nil ? "" : ", sessionToken: ***"))"
    }

    /// The strings that must never appear in logs or errors.
    public var secrets: [String] { [secretAccessKey] + (sessionToken.map { [$0] } ?? []) }
}
