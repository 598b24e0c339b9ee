import ReportKit

/// Everything needed to connect to a PostgreSQL server and read from it, parsed from a URL:
///
///     postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE?sslmode=verify-full&sslrootcert=ca.pem&table=visits
///     postgresql://USER@/DATABASE?host=/var/run/postgresql&query=select …
///
/// - The scheme is `postgres://` or `postgresql://`. `USER`, `PASSWORD`, `HOST` and `DATABASE`
///   are percent-decoded; an IPv6 host is written in brackets. The port defaults to 5432, the
///   database to the user.
/// - Parameters: `host` (a path starting with `/` is a Unix socket directory), `port`, `user`,
///   `dbname`, `sslmode` (``PostgresSSLMode``), `sslrootcert` (a PEM file of trusted roots),
///   `connect_timeout` and `statement_timeout` (seconds), then `table=NAME` or `query=SQL`.
///   `query=` takes the rest of the URL as written, `&` and all, so it comes last.
/// - A `password=` parameter is refused: a password belongs in the URL's user part, `PGPASSWORD`,
///   `~/.pgpass` or `REPORTKIT_PG_PASSWORD`, never in a parameter that messages might show.
///
/// The values are public but ``description`` (and ``PostgresPassword``) never shows a password.
public struct PostgresConnectionOptions: Sendable, Hashable, CustomStringConvertible {
    public var endpoint: PostgresEndpoint
    /// The user; `nil` when the URL names none (``PostgresCredentials`` takes `PGUSER`, `USER`).
    public var user: String?
    /// The password written in the URL, if any.
    public var password: PostgresPassword?
    /// The database; `nil` for the user's own.
    public var database: String?
    public var sslMode: PostgresSSLMode
    /// A PEM file of the roots that verify the server's certificate.
    public var sslRootCert: String?
    /// The table or query the URL names, if any (a SQL report's source names none).
    public var selection: TableSelection?
    /// How long connecting (TCP or socket, TLS, authentication) may take, per attempt.
    public var connectTimeout: Duration
    /// How long one read may take: past it the query is cancelled on the server
    /// (`CancelRequest`); the session's `statement_timeout` is a little longer, a backstop.
    public var statementTimeout: Duration

    public static let defaultPort = 5432

    public init(
        endpoint: PostgresEndpoint, user: String? = nil, password: PostgresPassword? = nil, database: String? = nil,
        sslMode: PostgresSSLMode = .prefer, sslRootCert: String? = nil, selection: TableSelection? = nil,
        connectTimeout: Duration = .seconds(10), statementTimeout: Duration = .seconds(600)
    ) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
        self.sslRootCert = sslRootCert
        self.selection = selection
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
    }

    /// The connection `url` describes. Errors name the part that is wrong and never repeat
    /// the password.
    public init(url: String) throws(PostgresError) {
        self = try PostgresURLParser.parse(url)
    }

    /// The URL rebuilt from its parts without the password, the selection last:
    /// `postgres://reportkit@127.0.0.1:5432/clinic?sslmode=require&table=visits`.
    public var description: String {
        var text = "postgres://" + (user.map { $0 + "@" } ?? "")
        var parameters: [String] = []
        switch endpoint {
        case .tcp: text += endpoint.description
        case .socket(let directory, let port):
            text += port == Self.defaultPort ? "" : ":\(port)"
            parameters.append("host=\(directory)")
        }
        text += "/" + (database ?? "")
        if sslMode != .prefer { parameters.append("sslmode=\(sslMode.rawValue)") }
        if let sslRootCert { parameters.append("sslrootcert=\(sslRootCert)") }
        switch selection {
        case .table(let name)?: parameters.append("table=\(name)")
        case .query(let sql)?: parameters.append("query=\(TableSelection.excerpt(sql))")
        case nil: break
        }
        return parameters.isEmpty ? text : text + "?" + parameters.joined(separator: "&")
    }
}
