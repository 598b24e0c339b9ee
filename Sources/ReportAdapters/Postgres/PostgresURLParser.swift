import ReportKit

/// Reads a connection URL into ``PostgresConnectionOptions`` (the grammar is documented there).
enum PostgresURLParser {
    static func parse(_ url: String) throws(PostgresError) -> PostgresConnectionOptions {
        func bad(_ message: String) -> PostgresError { PostgresError(.badURL(message)) }
        guard let schemeEnd = url.range(of: "://"),
              ["postgres", "postgresql"].contains(url[..<schemeEnd.lowerBound]) else {
            throw bad("a PostgreSQL source starts with postgres:// or postgresql://")
        }
        let rest = url[schemeEnd.upperBound...]
        let (beforeQuery, queryText) = split(rest, at: "?")
        let (authority, path) = split(beforeQuery, at: "/")

        var user: String?
        var password: PostgresPassword?
        var hostPort = authority
        // The password may hold '@': the user part ends at the last '@' of the authority.
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            let (userText, passwordText) = split(userInfo, at: ":")
            user = try nonEmpty(decode(userText, part: "user"))
            if let passwordText { password = PostgresPassword(try decode(passwordText, part: "password", secret: true)) }
        }
        var (host, port) = try hostAndPort(hostPort)
        var database: String?
        if let path { database = nonEmpty(try decode(path, part: "database name")) }
        var sslMode = PostgresSSLMode.prefer
        var sslRootCert: String?
        var selection: TableSelection?
        var connectTimeout = Duration.seconds(10)
        var statementTimeout = Duration.seconds(600)
        var socketDirectory: String?

        var remaining = queryText.map(String.init) ?? ""
        while !remaining.isEmpty {
            if remaining.hasPrefix("query=") {
                let sql = String(remaining.dropFirst("query=".count))
                guard !sql.isEmpty else { throw bad("?query= needs a SQL query") }
                selection = try choose(selection, .query(sql))
                break
            }
            let (pair, next) = split(Substring(remaining), at: "&")
            remaining = next.map(String.init) ?? ""
            let (name, valueText) = split(pair, at: "=")
            guard let valueText, !valueText.isEmpty else { throw bad("the parameter '\(name)' needs a value (\(name)=…)") }
            let value = try decode(valueText, part: "the parameter '\(name)'")
            switch name {
            case "host":
                if value.hasPrefix("/") { socketDirectory = value } else { host = value }
            case "port": port = try portNumber(value)
            case "user": user = value
            case "dbname": database = value
            case "sslmode":
                guard let mode = PostgresSSLMode(rawValue: value) else {
                    let known = PostgresSSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw bad("sslmode '\(value)' is not one of \(known)")
                }
                sslMode = mode
            case "sslrootcert": sslRootCert = value
            case "connect_timeout": connectTimeout = try seconds(value, name: "connect_timeout")
            case "statement_timeout": statementTimeout = try seconds(value, name: "statement_timeout")
            case "table": selection = try choose(selection, .table(value))
            case "password":
                throw bad("a password is not taken from a URL parameter: put it in the user part, PGPASSWORD, ~/.pgpass or REPORTKIT_PG_PASSWORD")
            default:
                throw bad("unknown parameter '\(name)' (known: host, port, user, dbname, sslmode, sslrootcert, connect_timeout, statement_timeout, table, query)")
            }
        }

        let endpoint: PostgresEndpoint
        if let socketDirectory {
            endpoint = .socket(directory: socketDirectory, port: port ?? PostgresConnectionOptions.defaultPort)
        } else {
            guard let host else { throw bad("names no host: postgres://USER@HOST:PORT/DATABASE, or ?host=/socket/directory") }
            endpoint = .tcp(host: host, port: port ?? PostgresConnectionOptions.defaultPort)
        }
        return PostgresConnectionOptions(
            endpoint: endpoint, user: user, password: password, database: database, sslMode: sslMode, sslRootCert: sslRootCert,
            selection: selection, connectTimeout: connectTimeout, statementTimeout: statementTimeout)
    }

    /// `HOST[:PORT]`, `[IPV6][:PORT]`, `:PORT` or nothing.
    private static func hostAndPort(_ text: Substring) throws(PostgresError) -> (String?, Int?) {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw PostgresError(.badURL("an IPv6 host needs its closing ']'")) }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw PostgresError(.badURL("text after the IPv6 host: '\(after)'")) }
            return (host, after.isEmpty ? nil : try portNumber(String(after.dropFirst())))
        }
        let (hostText, portText) = split(text, at: ":")
        let host = try nonEmpty(decode(hostText, part: "host"))
        guard let portText else { return (host, nil) }
        return (host, try portNumber(String(portText)))
    }

    private static func portNumber(_ text: String) throws(PostgresError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw PostgresError(.badURL("the port must be a number from 1 to 65535, got '\(text)'"))
        }
        return port
    }

    private static func seconds(_ text: String, name: String) throws(PostgresError) -> Duration {
        guard let value = Double(text), value > 0, value.isFinite, value <= 86_400 * 7 else {
            throw PostgresError(.badURL("\(name) must be a number of seconds above 0, got '\(text)'"))
        }
        return .milliseconds(Int64((value * 1000).rounded()))
    }

    private static func choose(_ current: TableSelection?, _ new: TableSelection) throws(PostgresError) -> TableSelection {
        guard current == nil else { throw PostgresError(.badURL("takes one of ?table=NAME or ?query=SQL, once")) }
        return new
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// The parts before and after the first `separator`.
    private static func split(_ text: Substring, at separator: Character) -> (Substring, Substring?) {
        guard let found = text.firstIndex(of: separator) else { return (text, nil) }
        return (text[..<found], text[text.index(after: found)...])
    }

    /// Percent-decoding (`%2F` is `/`); a bad escape is an error naming `part`, never its text
    /// when it is a secret.
    private static func decode(_ text: Substring, part: String, secret: Bool = false) throws(PostgresError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            let first = iterator.next(), second = iterator.next()
            guard let first, let second, let high = hexValue(first), let low = hexValue(second) else {
                let shown = secret ? "" : " '\(text)'"
                throw PostgresError(.badURL("the \(part)\(shown) has a '%' not followed by two hexadecimal digits"))
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw PostgresError(.badURL("the \(part) is not UTF-8 once percent-decoded"))
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
