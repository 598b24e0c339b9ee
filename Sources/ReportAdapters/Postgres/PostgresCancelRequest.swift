/// Asks the server to cancel the query a session is running: a new connection (plain, as
/// libpq's cancel is, and without authentication: the backend key is the proof) that sends
/// `CancelRequest` and closes. The server answers nothing on it; the cancelled session gets
/// `ErrorResponse` 57014 ("canceling statement due to user request").
enum PostgresCancelRequest {
    /// Sends the request for `connection`'s backend; `false` when it could not be sent.
    @discardableResult
    static func send(for connection: PostgresConnection, timeout: Duration = .seconds(5)) -> Bool {
        guard let key = connection.backendKey else { return false }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        guard let socket = try? PostgresSocket.connect(to: connection.options.endpoint, deadline: deadline) else { return false }
        defer { socket.close() }
        do {
            try socket.write(PostgresFrontendMessage.cancelRequest(processID: key.processID, secretKey: key.secretKey), deadline: deadline)
            // The server closes the connection once it has the request.
            var byte: UInt8 = 0
            _ = try withUnsafeMutableBytes(of: &byte) { try socket.read(into: $0, deadline: deadline) }
            return true
        } catch {
            return false
        }
    }
}
