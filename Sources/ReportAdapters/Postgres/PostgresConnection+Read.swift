import ReportKit

extension PostgresConnection {
    /// Reads `selection` as ``TableSource`` reads a table, in one read-only transaction:
    ///
    /// 1. `BEGIN READ ONLY`, `SET LOCAL statement_timeout` (the time-out plus a margin: a
    ///    backstop should this client vanish) and a check that the transaction is read-only,
    ///    sent together with a `Parse` and `Describe` of the `SELECT`, so its columns and
    ///    their type OIDs come back in the same round trip;
    /// 2. `COPY (SELECT …) TO STDOUT WITH (FORMAT csv, HEADER)`, its stream fed through
    ///    ``PostgresCopyRows`` as it arrives.
    ///
    /// A statement that returns no rows (`delete from t`) is executed in the read-only
    /// transaction, where the server refuses any write (SQLSTATE 25006); one that succeeds is
    /// ``PostgresError/Reason/noColumns``. Past `timeout` the query is cancelled on the server
    /// (`CancelRequest`) and ``PostgresError/Reason/timedOut(seconds:cancelledOnServer:)`` thrown.
    func read(
        _ selection: TableSelection, timeout: Duration, displayName: String,
        columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void
    ) throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        reader.deadline = deadline
        do {
            try readBeforeDeadline(selection, timeout: timeout, deadline: deadline, displayName: displayName, columns: columns, row: row)
        } catch is PostgresDeadlinePassed {
            throw cancelAfterTimeOut(timeout)
        }
    }

    private func readBeforeDeadline(
        _ selection: TableSelection, timeout: Duration, deadline: ContinuousClock.Instant, displayName: String,
        columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void
    ) throws {
        let select = selection.postgresSelect
        let backstop = timeout + .seconds(5)
        let milliseconds = backstop.components.seconds * 1000 + backstop.components.attoseconds / 1_000_000_000_000_000
        try send(
            PostgresFrontendMessage.query(
                "BEGIN READ ONLY; SET LOCAL statement_timeout = \(milliseconds); SELECT current_setting('transaction_read_only')")
                + PostgresFrontendMessage.parse(select) + PostgresFrontendMessage.describeStatement() + PostgresFrontendMessage.sync())
        let readOnly = try readSimpleQueryResult()
        guard readOnly == ["on"] else {
            throw PostgresError(.protocolViolation("the session is not read-only (transaction_read_only is \(readOnly.first ?? "unset"))"))
        }
        guard let described = try readDescription() else {
            try executeWithoutRows()
            throw PostgresError(.noColumns)
        }
        try columns(described.map { SourceColumn(name: $0.name, declaredType: $0.type.name) })
        try send(PostgresFrontendMessage.query("COPY (\(select)) TO STDOUT WITH (FORMAT csv, HEADER)"))
        try withoutActuallyEscaping(row) { row in
            let rows = PostgresCopyRows(columnTypes: described.map(\.type), displayName: displayName, row: row)
            try readCopy(into: rows, deadline: deadline)
        }
    }

    /// The first column of each `DataRow` of a simple query, up to `ReadyForQuery`; the
    /// first `ErrorResponse` is thrown after `ReadyForQuery`.
    private func readSimpleQueryResult() throws -> [String] {
        var values: [String] = []
        var failure: PostgresError?
        while true {
            let message = try reader.next()
            var cursor = message.cursor
            switch message.type {
            case UInt8(ascii: "T"), UInt8(ascii: "C"), UInt8(ascii: "I"): break
            case UInt8(ascii: "D"):
                let count = try cursor.int16()
                if count > 0 {
                    let length = try cursor.int32()
                    values.append(length < 0 ? "" : String(decoding: try cursor.bytes(Int(length)), as: UTF8.self))
                }
            case UInt8(ascii: "E"):
                if failure == nil { failure = PostgresError(.server(try Self.serverError(message))) }
            case UInt8(ascii: "Z"):
                if let failure { throw failure }
                return values
            default:
                try takeAsynchronous(message)
            }
        }
    }

    /// The `Describe` answer up to `ReadyForQuery`: the columns, or `nil` for `NoData`.
    private func readDescription() throws -> [(name: String, type: PostgresType)]? {
        var described: [(name: String, type: PostgresType)]?
        var failure: PostgresError?
        while true {
            let message = try reader.next()
            var cursor = message.cursor
            switch message.type {
            case UInt8(ascii: "1"): break
            case UInt8(ascii: "t"):
                let parameters = try cursor.int16()
                if parameters > 0, failure == nil {
                    failure = PostgresError(.badURL("the query takes \(parameters) parameter\(parameters == 1 ? "" : "s") ($1…), which a source cannot give"))
                }
            case UInt8(ascii: "n"): described = nil
            case UInt8(ascii: "T"):
                let count = Int(try cursor.int16())
                var columns: [(name: String, type: PostgresType)] = []
                for _ in 0..<count {
                    let name = try cursor.cString()
                    _ = try cursor.int32()
                    _ = try cursor.int16()
                    let oid = UInt32(bitPattern: try cursor.int32())
                    _ = try cursor.int16()
                    _ = try cursor.int32()
                    _ = try cursor.int16()
                    columns.append((name, PostgresType(oid: oid)))
                }
                described = columns
            case UInt8(ascii: "E"):
                if failure == nil { failure = PostgresError(.server(try Self.serverError(message))) }
            case UInt8(ascii: "Z"):
                if let failure { throw failure }
                return described
            default:
                try takeAsynchronous(message)
            }
        }
    }

    /// Runs the described statement that returns no rows, inside the read-only transaction.
    private func executeWithoutRows() throws {
        try send(PostgresFrontendMessage.bind() + PostgresFrontendMessage.execute() + PostgresFrontendMessage.sync())
        var failure: PostgresError?
        while true {
            let message = try reader.next()
            switch message.type {
            case UInt8(ascii: "2"), UInt8(ascii: "C"), UInt8(ascii: "I"), UInt8(ascii: "s"): break
            case UInt8(ascii: "E"):
                if failure == nil { failure = PostgresError(.server(try Self.serverError(message))) }
            case UInt8(ascii: "Z"):
                if let failure { throw failure }
                return
            default:
                try takeAsynchronous(message)
            }
        }
    }

    /// The COPY's `CopyOutResponse`, `CopyData`…, `CopyDone`, `CommandComplete`, `ReadyForQuery`.
    private func readCopy(into rows: PostgresCopyRows, deadline: ContinuousClock.Instant) throws {
        var failure: PostgresError?
        var sinceClockCheck = 0
        while true {
            let message = try reader.next()
            switch message.type {
            case UInt8(ascii: "d"):
                guard failure == nil else { continue }
                try rows.take(message.body)
                // Reads that never wait never meet the deadline: look at the clock now and then.
                sinceClockCheck += 1
                if sinceClockCheck == 4096 {
                    sinceClockCheck = 0
                    if ContinuousClock.now >= deadline { throw PostgresDeadlinePassed() }
                }
            case UInt8(ascii: "H"): break
            case UInt8(ascii: "c"):
                if failure == nil { try rows.finish() }
            case UInt8(ascii: "C"): break
            case UInt8(ascii: "E"):
                if failure == nil { failure = PostgresError(.server(try Self.serverError(message))) }
            case UInt8(ascii: "Z"):
                if let failure { throw failure }
                return
            default:
                try takeAsynchronous(message)
            }
        }
    }

    /// After the deadline: sends `CancelRequest`, then waits a little for the server's
    /// confirmation (`ErrorResponse` 57014), discarding rows still in flight.
    private func cancelAfterTimeOut(_ timeout: Duration) -> PostgresError {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        guard PostgresCancelRequest.send(for: self) else {
            return PostgresError(.timedOut(seconds: seconds, cancelledOnServer: false))
        }
        reader.deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while let message = try? reader.next() {
            if message.type == UInt8(ascii: "E"), let error = try? Self.serverError(message) {
                return PostgresError(.timedOut(seconds: seconds, cancelledOnServer: error.code == "57014"))
            }
            if message.type == UInt8(ascii: "Z") { break }
        }
        return PostgresError(.timedOut(seconds: seconds, cancelledOnServer: false))
    }
}

extension TableSelection {
    /// The `SELECT` that reads the selection in PostgreSQL: a table's name quoted as an
    /// identifier (`"` doubled), split at its first `.` into schema and table
    /// (`public.visits`); a query as written, without trailing `;` and spaces.
    var postgresSelect: String {
        switch self {
        case .table(let name):
            func quoted(_ part: Substring) -> String { "\"" + part.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            if let dot = name.firstIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex {
                return "SELECT * FROM \(quoted(name[..<dot])).\(quoted(name[name.index(after: dot)...]))"
            }
            return "SELECT * FROM \(quoted(name[...]))"
        case .query(let sql):
            var text = Substring(sql)
            while let last = text.last, last == ";" || last.isWhitespace { text = text.dropLast() }
            return String(text)
        }
    }
}
