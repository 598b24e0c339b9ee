/// A connection's bytes: a plain socket or TLS over one. Reads and writes wait at most until
/// `deadline` (`nil`: no limit), then throw ``PostgresDeadlinePassed``.
protocol PostgresByteStream: AnyObject {
    /// Reads up to `buffer.count` bytes; 0 means the server closed the connection.
    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant?) throws -> Int
    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) throws
    /// Closes the connection (idempotent).
    func close()
}

/// A read or write waited until its deadline.
struct PostgresDeadlinePassed: Error {}
