import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// The reports file read into typed entries.
@Suite("Registry: parsing")
struct RegistryParserTests {
    @Test("the example registry: four reports, their folders, kinds, tables and requests")
    func example() throws {
        let registry = try RegistryFixture.parse("quality/reports.yaml")
        #expect(registry.reports.map(\.name) == ["Table Summary", "Consent Codes", "Daily Checks", "Report Requests"])
        #expect(registry.reports.map(\.folder.name) == ["Table_Summary", "Consent_Codes", "Daily_Checks", "Report_Requests"])
        #expect(registry.reports.map(\.kind) == [.tableSummary, .sql, .checks, .requests])
        #expect(registry.warnings.isEmpty)
        let summary = try #require(registry["Table Summary"])
        guard case .tableSummary(let options) = summary.options else { Issue.record("not a summary"); return }
        #expect(options.tables.map(\.name) == ["participant", "biospecimen", "visits"])
        #expect(options.tables[0].spec.source == .file(try RelativePath("data/participant.csv")))
        #expect(options.tables[1].spec.types == ["age_at_event_days": .integer, "visible": .boolean, "shipped_on": .date])
        #expect(options.tables[2].spec.source == .sqlite(database: try RelativePath("clinic.db"), selection: .table("visits")))
        #expect(options.tables[2].spec.location == SourceLocation(line: 11, column: 15))
        #expect(options.ignoreColumns == ["uuid", "created_at", "modified_at", "kf_id"])
        #expect(options.changeReport)
        #expect(!options.countsValues(of: "participant_id") && options.countsValues(of: "gender"))
        let request = try #require(summary.request)
        #expect(request.stakeholder == "Jane Doe" && request.contact == .email("jane@example.org"))
        #expect(request.source == RequestSource(name: "clinic follower", database: "clinic", production: false))
        #expect(request.ticket == .url("https://tracker.example.org/data/issues/12"))
        #expect(request.requested.description == "2024-02-01" && request.requested.monthText == "2024-02")
        #expect(request.reviewer == "Sam Lee")
        let sql = try #require(registry["Consent Codes"])
        #expect(sql.options == .sql(SQLReportOptions(source: .sqlite(database: try RelativePath("clinic.db"), selection: nil), query: "select consent_code, count(*) as n from biospecimen group by 1 order by 1")))
        #expect(sql.request?.contact == .url("https://chat.example.org/u/omar") && sql.request?.ticket == .text("DATA-31"))
        #expect(registry.reports[1].location == SourceLocation(line: 22, column: 5))
        let checks = try #require(registry["Daily Checks"])
        guard case .checks(let checksOptions) = checks.options else { Issue.record("not a checks report"); return }
        #expect(checksOptions.checks == (try RelativePath("daily-checks.yaml")))
        #expect(checksOptions.data.map(\.name) == ["participant", "biospecimen"])
    }

    @Test("every kind: change-report, checks, a custom kind's raw options, queries, s3 keys, dialects, postgres")
    func allKinds() throws {
        let registry = try RegistryFixture.parse("quality/registry/all-kinds.yaml", customKinds: ["site-audit"])
        #expect(registry.reports.map(\.kind) == [.changeReport, .checks, .custom("site-audit"), .sql])
        guard case .tableSummary(let visits) = registry.reports[0].options else { Issue.record("not a summary"); return }
        #expect(visits.changeReport)
        #expect(visits.tables[0].spec.source == .sqlite(database: try RelativePath("../clinic.db"), selection: .query("select * from visits where site = 'A'")))
        #expect(visits.tables[1].spec.source == .object(bucket: "clinic-exports", key: "daily/shipped.tsv"))
        #expect(visits.tables[1].spec.dialect == DialectSpec(delimiter: 0x09, header: false))
        #expect(visits.valueCountExclusions.map(\.pattern) == ["*_id", "note?"])
        #expect(!visits.countsValues(of: "notes") && visits.countsValues(of: "notes_long"))
        #expect(registry.reports[1].options == .checks(ChecksOptions(checks: try RelativePath("checks/orders.yaml"), data: [("orders", TableSourceSpec(source: .file(try RelativePath("../data/orders.csv")), location: SourceLocation(line: 15, column: 20)))])))
        #expect(registry.reports[1].request?.requested.description == "2024-02-29")
        #expect(registry.reports[2].folder.name == "Kvalitet_på_Ørsta")
        #expect(registry.reports[2].options == .custom(["threshold": 0.95, "sites": ["A", "B"]]))
        guard case .sql(let warehouse) = registry.reports[3].options, case .postgres(let url) = warehouse.source else { Issue.record("not postgres"); return }
        #expect(url.redacted == "postgres://reporter:***@db.example.org:5432/warehouse")
        #expect(!JSONWriter.canonical(RegistryListing(registry).json).contains("s3cret"))
        // Warnings: three reports without a request, one production source.
        #expect(registry.warnings.map { "\($0.location) \($0.field)" } == ["4:5 reports[0]", "19:53 reports[1].request.source.production", "21:5 reports[2]", "25:5 reports[3]"])
    }

    @Test("JSON reports files read the same, with locations")
    func json() throws {
        let registry = try RegistryFixture.parse("quality/registry/all-kinds.json")
        #expect(registry.reports.map(\.folder.name) == ["Table_Summary", "Counts"])
        #expect(registry.reports[1].location == SourceLocation(line: 7, column: 5))
        #expect(registry.warnings.map(\.field) == ["reports[1]"])
    }

    @Test("paths stay relative; the base resolves them by joining text")
    func paths() throws {
        #expect(try RelativePath("./data//a.csv").text == "data/a.csv")
        #expect(try RelativePath("../x/a.csv").resolved(against: "Fixtures/quality") == "Fixtures/quality/../x/a.csv")
        #expect(try RelativePath("a.csv").resolved(against: ".") == "a.csv")
        for bad in ["/etc/passwd", "~/a.csv", "", "./", "a\u{0}b"] {
            #expect(throws: RegistryProblem.self, "\(bad)") { try RelativePath(bad) }
        }
        #expect(throws: RegistryProblem.self) { try DataSource("s3://bucket/../a.csv") }
        #expect(throws: RegistryProblem.self) { try DataSource("s3://bucket") }
        #expect(throws: RegistryProblem.self) { try DataSource("s3://My_Bucket/a.csv") }
        #expect(throws: RegistryProblem.self) { try DataSource("sqlite:///var/db/clinic.db?table=visits") }
        #expect(try DataSource("postgresql://reader@db/clinic").description == "postgresql://reader@db/clinic")
        #expect(try DataSource("sqlite://db.sqlite?query=select a=1").description == "sqlite://db.sqlite?query=select a=1")
    }

    @Test("the listing: sorted keys, sources as written, request metadata and warnings per report")
    func listing() throws {
        let registry = try RegistryFixture.parse("quality/registry/all-kinds.json")
        let json = RegistryListing(registry).json
        #expect(json["base"] == "Fixtures/quality")
        #expect(json["reports"]?[0]?["tables"]?["participant"]?["source"] == "data/participant.csv")
        #expect(json["reports"]?[0]?["request"]?["contact"] == ["kind": "email", "value": "jane@example.org"])
        #expect(json["reports"]?[1]?["request"] == .null)
        #expect(json["reports"]?[1]?["warnings"]?.arrayValue?.count == 1)
        #expect(json["warnings"]?[0]?.stringValue?.hasPrefix("Fixtures/quality/registry/all-kinds.json:7:5: warning: registry: reports[1]: no request metadata") == true)
    }
}

extension JSONValue {
    subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}
