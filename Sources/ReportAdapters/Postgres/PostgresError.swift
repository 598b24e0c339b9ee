import ReportKit

/// A PostgreSQL source could not be read: where (the source, with no password), and why
/// (the server's own error with its SQLSTATE when the server said no).
///
///     postgres: postgres://reportkit@127.0.0.1:5432/clinic?table=visits: server: FATAL 28P01: password authentication failed for user "reportkit"
public struct PostgresError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The connection URL or an option is wrong.
        case badURL(String)
        /// The server asked for a password and none was found in the URL, `PGPASSWORD`,
        /// `~/.pgpass` or `REPORTKIT_PG_PASSWORD`.
        case noPassword(user: String)
        /// The server asked for an authentication method this client does not speak.
        case unsupportedAuthentication(String)
        /// No connection could be made (after every address and retry): the system's reason.
        case connectFailed(String)
        /// TLS failed: the server refused it under a mode that needs it, the handshake failed,
        /// or the certificate was not trusted or not issued for the host.
        case tls(String)
        /// The server said no: its error, SQLSTATE and message.
        case server(PostgresServerError)
        /// The connection closed or failed after it was made (the server stopped, the network).
        case connectionLost(String)
        /// The read ran past its time-out; `cancelled` when the server confirmed the cancel.
        case timedOut(seconds: Double, cancelledOnServer: Bool)
        /// The server sent something the protocol does not allow here.
        case protocolViolation(String)
        /// The query returns no rows to read (it is not a `SELECT`, and it did not fail).
        case noColumns
    }

    public var reason: Reason
    /// The source as messages name it (no password), when known.
    public var source: String?

    public init(_ reason: Reason, source: String? = nil) {
        self.reason = reason
        self.source = source
    }

    /// The same error, naming `source`.
    public func naming(_ source: String) -> PostgresError {
        var copy = self
        if copy.source == nil { copy.source = source }
        return copy
    }

    /// Bad input (exit 2): a wrong URL, password, certificate, query or permission — the
    /// server's authorization, syntax, read-only and privilege errors. An outside failure
    /// (exit 3): no connection, a lost one, a time-out, and the server's operator and
    /// resource errors (shutting down, too many connections, out of disk).
    public var category: ErrorCategory {
        switch reason {
        case .badURL, .noPassword, .unsupportedAuthentication, .tls, .noColumns: return .badInput
        case .connectFailed, .connectionLost, .timedOut, .protocolViolation: return .outsideSystem
        case .server(let error):
            return Self.outsideClasses.contains(String(error.codeClass)) ? .outsideSystem : .badInput
        }
    }

    /// SQLSTATE classes that are the server's trouble, not the request's: connection
    /// exception, insufficient resources, program limit, operator intervention, system error,
    /// internal error.
    static let outsideClasses: Set<String> = ["08", "53", "54", "57", "58", "XX"]

    /// Whether another attempt may succeed: the connection could not be made, or the server
    /// is starting up or shutting down (`57P03`, `53300` too many connections).
    var isRetryable: Bool {
        switch reason {
        case .connectFailed: return true
        case .server(let error): return ["57P03", "53300", "08006", "08001"].contains(error.code)
        default: return false
        }
    }

    public var description: String {
        let place = source.map { "\($0): " } ?? ""
        return "postgres: \(place)\(explanation)"
    }

    private var explanation: String {
        switch reason {
        case .badURL(let message): return "bad connection URL: \(message)"
        case .noPassword(let user):
            return "the server asks for a password for user \"\(user)\" and none was given (the URL, PGPASSWORD, ~/.pgpass or REPORTKIT_PG_PASSWORD)"
        case .unsupportedAuthentication(let method): return "the server asks for \(method), which reportcli does not support"
        case .connectFailed(let why): return "cannot connect: \(why)"
        case .tls(let why): return "TLS: \(why)"
        case .server(let error): return "server: \(error)"
        case .connectionLost(let why): return "the connection was lost: \(why)"
        case .timedOut(let seconds, let cancelled):
            return "the query ran past its time-out of \(seconds) s and was \(cancelled ? "cancelled on the server" : "abandoned (the cancel was not confirmed)")"
        case .protocolViolation(let what): return "protocol error: \(what)"
        case .noColumns: return "the query returns no rows (only a SELECT, VALUES, TABLE or … RETURNING can be read)"
        }
    }
}
