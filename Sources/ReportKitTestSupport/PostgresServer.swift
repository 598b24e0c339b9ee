import Foundation

/// The PostgreSQL server that `.ci/run` starts (`.ci/steps/postgres.sh`: the quality fixtures
/// in database `clinic`, user `reportkit`, TLS with a test CA), found through `REPORTKIT_PG_*`.
/// Outside CI, tests that need it are skipped with a printed notice; in CI (`REPORTKIT_CI=1`)
/// its absence is a failure — ``MotoServer``'s rule.
public enum PostgresServer {
    /// How to reach the server. The URL holds no password.
    public struct Connection: Sendable {
        /// `postgres://reportkit@127.0.0.1:PORT/clinic`.
        public var url: String
        public var password: String
        public var port: Int
        /// The Unix socket directory.
        public var socketDirectory: String
        /// The CA that signed the server's certificate (issued for `localhost` only).
        public var rootCertificate: String
        /// A CA that did not sign it.
        public var otherRootCertificate: String?

        /// `url` with `?parameters` (or `&parameters`) added.
        public func url(_ parameters: String) -> String { url + "?" + parameters }

        /// The URL with the host `localhost` in place of 127.0.0.1 (the certificate's name).
        public var localhostURL: String { url.replacingOccurrences(of: "@127.0.0.1:", with: "@localhost:") }
    }

    public static var connection: Connection? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["REPORTKIT_PG_URL"], let password = environment["REPORTKIT_PG_PASSWORD"],
              let socket = environment["REPORTKIT_PG_SOCKET"], let ca = environment["REPORTKIT_PG_CA"],
              let port = url.split(separator: ":").last?.split(separator: "/").first.flatMap({ Int($0) })
        else { return nil }
        return Connection(url: url, password: password, port: port, socketDirectory: socket, rootCertificate: ca,
                          otherRootCertificate: environment["REPORTKIT_PG_OTHER_CA"])
    }

    /// Whether tests that need the server should run: it is there, or CI requires it.
    public static var shouldRun: Bool {
        if connection != nil || ProcessInfo.processInfo.environment["REPORTKIT_CI"] == "1" { return true }
        print("notice: REPORTKIT_PG_URL is not set; skipping the PostgreSQL integration tests (.ci/run starts a server)")
        return false
    }

    /// The server, or a failure saying how to get one.
    public static func require() throws -> Connection {
        guard let connection else {
            throw FixtureMissing(path: "a PostgreSQL server: set REPORTKIT_PG_URL, REPORTKIT_PG_PASSWORD, REPORTKIT_PG_SOCKET and REPORTKIT_PG_CA (.ci/run starts one)")
        }
        return connection
    }
}

/// A PostgreSQL cluster of the test's own (`Tests/Scripts/pg_cluster.sh`: a temporary
/// folder, a free loopback port, the fixtures loaded), for tests that stop a server.
/// Stopped and removed when released.
public final class PrivatePostgresCluster: @unchecked Sendable {
    public let directory: URL
    public let connection: PostgresServer.Connection
    private static let script = FixturePaths.packageRoot.appendingPathComponent("Tests/Scripts/pg_cluster.sh")

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reportkit-pg-\(UUID().uuidString.prefix(8))")
        let output = directory.path + ".out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let status = Self.runScript(["start", directory.path], output: output)
        let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw ScriptFailure(description: "pg_cluster.sh start failed (status \(status)): \(printed)")
        }
        var values: [String: String] = [:]
        for line in printed.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        guard let portText = values["PORT"], let port = Int(portText), let password = values["PASSWORD"] else {
            throw ScriptFailure(description: "pg_cluster.sh printed no port: \(printed)")
        }
        connection = PostgresServer.Connection(
            url: "postgres://reportkit@127.0.0.1:\(port)/clinic", password: password, port: port,
            socketDirectory: values["SOCKET"] ?? "", rootCertificate: values["CA"] ?? "", otherRootCertificate: values["OTHER_CA"])
    }

    /// Stops the server: `fast` (backends end their sessions with an error) or `immediate`
    /// (the server quits at once, connections cut).
    public func stop(mode: String = "immediate") {
        _ = Self.runScript(["stop", directory.path, mode], output: "/dev/null")
    }

    /// Runs `bash pg_cluster.sh arguments…` with stdout and stderr to `output` and waits for
    /// it with `waitpid`. (Not ``ProcessRunner``: the server it starts outlives the script, and
    /// Foundation's `Process` did not report the script's exit then.)
    private static func runScript(_ arguments: [String], output: String) -> Int32 {
        let command = (["/bin/bash", script.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ") + " </dev/null >'\(output)' 2>&1"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
    }

    deinit {
        stop(mode: "immediate")
        try? FileManager.default.removeItem(at: directory)
    }
}
