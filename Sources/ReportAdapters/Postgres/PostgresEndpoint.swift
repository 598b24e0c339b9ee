/// Where a PostgreSQL server listens: a TCP host and port, or a Unix socket directory (the
/// socket is `DIRECTORY/.s.PGSQL.PORT`, as the server names it).
public enum PostgresEndpoint: Sendable, Hashable, CustomStringConvertible {
    case tcp(host: String, port: Int)
    case socket(directory: String, port: Int)

    public var port: Int {
        switch self {
        case .tcp(_, let port), .socket(_, let port): return port
        }
    }

    /// The host as `~/.pgpass` matches it: the TCP host, or `localhost` for a socket.
    var passFileHost: String {
        switch self {
        case .tcp(let host, _): return host
        case .socket: return "localhost"
        }
    }

    /// The socket file's path, for a socket endpoint.
    var socketPath: String? {
        guard case .socket(let directory, let port) = self else { return nil }
        return (directory.hasSuffix("/") ? directory : directory + "/") + ".s.PGSQL.\(port)"
    }

    public var description: String {
        switch self {
        case .tcp(let host, let port): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .socket: return socketPath ?? ""
        }
    }
}
