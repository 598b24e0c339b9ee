import ReportKit

/// The reports a run can run, by kind: the built-in ones and those an embedder registered
/// under names of their own.
///
/// ```swift
/// var catalog = ReportCatalog.builtIn
/// catalog.register(OpenTickets(), as: "open-tickets")   // kind: open-tickets in the reports file
/// let registry = try ReportRegistry.parse(bytes, file: path, base: base, customKinds: catalog.customKinds)
/// ```
///
/// A kind without a report (`checks` in ``builtIn``, until a ``ChecksReport`` that can read
/// checks files is registered) is not missing silently: a report of that kind fails with
/// ``ReportNotAvailable`` naming why.
public struct ReportCatalog: Sendable {
    private var reports: [ReportKind: any Report] = [:]
    private var unavailable: [ReportKind: String] = [:]

    public init() {}

    /// `table-summary` (``TableSummaryReport``, which compares with the previous run when
    /// `change_report: true`), `change-report` (``ChangeReport``), `sql` and `requests`;
    /// `checks` fails until ``ChecksReport``, which reads its checks file through the reader it
    /// is given, is registered (`reportcli run` registers one reading files beside the reports file).
    public static var builtIn: ReportCatalog {
        var catalog = ReportCatalog()
        catalog.register(TableSummaryReport(), as: .tableSummary)
        catalog.register(ChangeReport(), as: .changeReport)
        catalog.register(SQLQueryReport(), as: .sql)
        catalog.register(RequestsReport(), as: .requests)
        catalog.markUnavailable(.checks, reason: "register ChecksReport(read:) with a reader of checks files")
        return catalog
    }

    /// Runs `report` for entries of `kind` (replacing any report registered for it).
    public mutating func register(_ report: any Report, as kind: ReportKind) {
        reports[kind] = report
        unavailable[kind] = nil
    }

    /// Runs `report` for entries whose `kind:` is `name`, a name of the embedder's own.
    ///
    /// - Precondition: `name` is not a built-in kind's word.
    public mutating func register(_ report: any Report, as name: String) {
        precondition(ReportKind(name: name) == nil, "'\(name)' is a built-in kind; register it as a ReportKind")
        register(report, as: .custom(name))
    }

    /// Entries of `kind` fail with ``ReportNotAvailable`` giving `reason`.
    public mutating func markUnavailable(_ kind: ReportKind, reason: String) {
        reports[kind] = nil
        unavailable[kind] = reason
    }

    /// The names of the embedder's kinds, for ``ReportRegistry/parse(_:file:base:format:customKinds:)``.
    public var customKinds: Set<String> {
        Set(reports.keys.compactMap { kind in
            if case .custom(let name) = kind { return name }
            return nil
        })
    }

    /// The report for `kind`.
    ///
    /// - Throws: ``ReportNotAvailable`` when none is registered.
    public func report(for kind: ReportKind) throws(ReportNotAvailable) -> any Report {
        if let report = reports[kind] { return report }
        throw ReportNotAvailable(kind: kind, reason: unavailable[kind] ?? "no report is registered for this kind")
    }
}
