/// The process environment and home folder, as values: the composition passes them, so the
/// adapter never reads `ProcessInfo` itself.
public struct PostgresEnvironment: Sendable, Hashable {
    public var variables: [String: String]
    /// The home folder, where `~/.pgpass` is looked for.
    public var home: String?

    public init(variables: [String: String] = [:], home: String? = nil) {
        self.variables = variables
        self.home = home
    }
}

/// Who connects and with which password, found the way libpq finds them, then ReportKit's own
/// variable:
///
/// 1. the user: the URL's, else `PGUSER`, else `USER`; the database defaults to the user;
/// 2. the password: the URL's, else `PGPASSWORD`, else the first matching line of the
///    password file (`PGPASSFILE`, else `~/.pgpass`; see ``PostgresPassFile``), else
///    `REPORTKIT_PG_PASSWORD`; none when none of them has one (a `trust` server needs none).
public struct PostgresCredentials: Sendable, Hashable {
    public var user: String
    public var database: String
    public var password: PostgresPassword?
    /// Where the password came from (`the URL`, `PGPASSWORD`, a file's path…), for messages.
    public var passwordSource: String?
    /// Why a password file was passed over (its permissions), for the log.
    public var warnings: [String]

    public init(options: PostgresConnectionOptions, environment: PostgresEnvironment) throws(PostgresError) {
        let variables = environment.variables
        guard let user = options.user ?? variables["PGUSER"].nonEmpty ?? variables["USER"].nonEmpty else {
            throw PostgresError(.badURL("names no user: postgres://USER@HOST/DATABASE (or set PGUSER)"))
        }
        self.user = user
        database = options.database ?? user
        warnings = []
        if let password = options.password {
            self.password = password
            passwordSource = "the URL"
            return
        }
        if let text = variables["PGPASSWORD"].nonEmpty {
            password = PostgresPassword(text)
            passwordSource = "PGPASSWORD"
            return
        }
        let passFile = variables["PGPASSFILE"].nonEmpty ?? environment.home.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + ".pgpass" }
        if let passFile {
            let (file, warning) = PostgresPassFile.load(path: passFile)
            if let warning { warnings.append(warning) }
            var hosts = [options.endpoint.passFileHost]
            if case .socket(let directory, _) = options.endpoint { hosts.append(directory) }
            if let found = file?.password(hosts: hosts, port: options.endpoint.port, database: database, user: user) {
                password = found
                passwordSource = passFile
                return
            }
        }
        if let text = variables["REPORTKIT_PG_PASSWORD"].nonEmpty {
            password = PostgresPassword(text)
            passwordSource = "REPORTKIT_PG_PASSWORD"
        }
    }
}

extension Optional where Wrapped == String {
    /// The value, unless it is missing or empty.
    fileprivate var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
