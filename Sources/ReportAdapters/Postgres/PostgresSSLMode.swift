/// How a connection uses TLS, as libpq's `sslmode` names it.
///
/// | mode | TLS | certificate |
/// |---|---|---|
/// | `disable` | never | – |
/// | `prefer` (default) | when the server offers it, else plain | not checked |
/// | `require` | always | not checked, unless `sslrootcert` is given: then as `verify-ca` |
/// | `verify-ca` | always | signed by `sslrootcert` (or the system's roots) |
/// | `verify-full` | always | as `verify-ca`, and issued for the host name connected to |
public enum PostgresSSLMode: String, Sendable, Hashable, CaseIterable {
    case disable
    case prefer
    case require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"

    /// Whether a server that refuses TLS is refused in turn.
    var requiresTLS: Bool { self != .disable && self != .prefer }
}
