import ReportKit

/// ``ProfileJob`` over a table cut into parts: each part profiled at once by its own
/// ``TableProfiler``, then merged in part order.
///
/// Parts count their lines and rows from 1, since the ones before them are still being read;
/// the first failing part in order (the ones before it read cleanly, so their lines and rows
/// are known by then) has its error moved to the whole file's line and row, so it reads as
/// the error of one scan. A part that ends inside a record (a likely cut that was not one)
/// makes the profile `nil`: the caller reads the table whole.
///
/// Each part holds at most its share of the exact budget (``ProfileLimits/exactBytes`` over
/// the number of parts), so the parts together never take more memory than one reader; the
/// merged profiler then has the whole budget. The price: a table whose exact values pass a
/// part's share is sketched where one part might have kept it exact (what `--exact`, or a
/// bigger budget, is for); below that the profile is the same figure for figure.
extension ProfileJob {
    static func run(
        _ table: TableParts, name: String, declared: [String: ColumnType], limits: ProfileLimits
    ) async throws -> TableProfile? {
        let columns = try declarations(table.columns, declared: declared, name: name)
        let share = Self.share(of: limits, parts: table.parts.count)
        let outcomes = await withTaskGroup(of: (Int, PartOutcome).self) { group in
            for (index, part) in table.parts.enumerated() {
                group.addTask { (index, await profile(part, columns: columns, limits: share)) }
            }
            var outcomes = [PartOutcome?](repeating: nil, count: table.parts.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.map { $0! }
        }
        var whole: TableProfiler?
        var linesBefore = 0
        for outcome in outcomes {
            switch outcome.result {
            case .success(let done):
                if whole == nil {
                    whole = done.profiler
                    whole!.adopt(limits)
                } else {
                    whole!.merge(done.profiler)
                }
                guard done.end.endsAtRecordStart else { return nil }
                linesBefore += done.end.nextLine - 1
            case .failure(let error):
                throw located(error, name: name, linesBefore: linesBefore, rowsBefore: whole?.rowCount ?? 0)
            }
        }
        return whole!.finish()
    }

    /// One part's limits: its share of the exact budget.
    private static func share(of limits: ProfileLimits, parts: Int) -> ProfileLimits {
        var share = limits
        if limits.exactBytes != .max { share.exactBytes = limits.exactBytes / max(1, parts) }
        return share
    }

    /// What reading one part came to.
    struct PartOutcome: Sendable {
        struct Done: Sendable {
            var profiler: TableProfiler
            var end: TablePartEnd
        }
        var result: Result<Done, any Error>
    }

    /// A value of the wrong type in a part: its line in the part and the profiler's error.
    struct PartValueError: Error {
        var line: Int?
        var error: ProfileError
    }

    private static func profile(_ part: any TablePart, columns: [ColumnDeclaration], limits: ProfileLimits) async -> PartOutcome {
        var profiler = TableProfiler(columns: columns, limits: limits)
        do {
            let end = try await part.scan(firstLine: 1) { row in
                do throws(ProfileError) {
                    try profiler.add(row: row)
                } catch {
                    throw PartValueError(line: row.line, error: error)
                }
            }
            return PartOutcome(result: .success(.init(profiler: profiler, end: end)))
        } catch {
            return PartOutcome(result: .failure(error))
        }
    }

    /// A part's error at the whole file's line and row.
    private static func located(_ error: any Error, name: String, linesBefore: Int, rowsBefore: Int) -> any Error {
        switch error {
        case let value as PartValueError:
            var inner = value.error
            inner.row += rowsBefore
            return valueError(inner, line: value.line.map { $0 + linesBefore }, row: inner.row, name: name)
        case var parse as ParseError:
            parse.location.line += linesBefore
            return parse
        default:
            return error
        }
    }
}
