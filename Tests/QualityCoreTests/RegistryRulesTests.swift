import QualityCore
import ReportKit
import Testing

/// Folder names, request metadata and warnings.
@Suite("Registry: folders, requests, warnings")
struct RegistryRulesTests {
    @Test("folders: spaces become _, letters (any script), digits, _ - . stay", arguments: [
        ("Table Summary", "Table_Summary"), ("consent-codes.v2", "consent-codes.v2"), ("Kvalitet på Ørsta", "Kvalitet_på_Ørsta"),
        ("名簿", "名簿"), ("Cafe\u{301}", "Cafe\u{301}"), ("...", "..."), ("a  b", "a__b"),
    ])
    func folders(_ name: String, _ folder: String) throws {
        #expect(try ReportFolder(reportName: name).name == folder)
    }

    @Test("folders refuse separators, controls, punctuation and emoji, naming them", arguments: [
        ("a/b", "'/'"), ("a\\b", "'\\'"), ("a:b", "':'"), ("new\nline", "U+000A"), ("What?*", "'?', '*'"), ("ok 👍", "'👍'"), ("\"q\"", "'\"'"),
    ])
    func refusedFolders(_ name: String, _ shown: String) {
        #expect(throws: ReportFolder.Refusal.self) { try ReportFolder(reportName: name) }
        do { _ = try ReportFolder(reportName: name) } catch { #expect(error.description.contains("\(shown) not allowed"), "\(error)") }
    }

    @Test("folders: empty, . and .. alone, and over 255 bytes are refused")
    func folderLimits() {
        #expect(throws: ReportFolder.Refusal.empty) { try ReportFolder(reportName: "") }
        #expect(throws: ReportFolder.Refusal.dotSegment(".")) { try ReportFolder(reportName: ".") }
        #expect(throws: ReportFolder.Refusal.dotSegment("..")) { try ReportFolder(reportName: "..") }
        #expect(throws: ReportFolder.Refusal.tooLong(256)) { try ReportFolder(reportName: String(repeating: "x", count: 256)) }
        #expect((try? ReportFolder(reportName: String(repeating: "x", count: 255))) != nil)
    }

    @Test("contacts: an email address or an http(s) URL")
    func contacts() throws {
        #expect(try ReportRequest.Contact("jane.doe+data@example.org") == .email("jane.doe+data@example.org"))
        #expect(try ReportRequest.Contact("https://chat.example.org/u/jane") == .url("https://chat.example.org/u/jane"))
        for bad in ["jane", "jane@", "@example.org", "jane@example", "jane@@example.org", "Jane <jane@example.org>", "ftp://x.org", "https:///path", "jane@example..org"] {
            #expect(throws: RegistryProblem.self, "\(bad)") { try ReportRequest.Contact(bad) }
        }
    }

    @Test("tickets: a URL when it has a scheme, else text; dates must exist")
    func ticketsAndDates() throws {
        #expect(try ReportRequest.Ticket("DATA-12") == .text("DATA-12"))
        #expect(try ReportRequest.Ticket("http://tracker/1") == .url("http://tracker/1"))
        #expect(throws: RegistryProblem.self) { try ReportRequest.Ticket("jira://x y") }
        #expect(try CalendarDay("2024-02-29").description == "2024-02-29")
        for bad in ["2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024-01-01T00:00", "yesterday"] {
            #expect(throws: RegistryProblem.self, "\(bad)") { try CalendarDay(bad) }
        }
    }

    @Test("warnings: a report without request metadata, a production source; neither is an error")
    func warnings() throws {
        let registry = try RegistryFixture.parse(text: """
            reports:
              - name: A
                kind: requests
              - name: B
                kind: requests
                request:
                  stakeholder: Jane
                  contact: jane@example.org
                  source: {name: primary, production: true}
                  requested: 2024-01-05
            """)
        #expect(registry.reports.count == 2)
        #expect(registry.reports[1].request?.source.production == true)
        #expect(registry.warnings.map { $0.summary(file: "r.yaml") } == [
            "r.yaml:2:5: warning: registry: reports[0]: no request metadata: say who asked (request: stakeholder, contact), the data source and the day it was requested",
            "r.yaml:9:43: warning: registry: reports[1].request.source.production: 'primary' is a production database; point reports at a non-production source such as a read-only follower",
        ])
    }

    @Test("a source may be a name alone; ticket and reviewer are optional; unknown custom kinds are refused unless registered")
    func shorthand() throws {
        let text = """
            reports:
              - name: A
                kind: audit
                anything: [1, 2]
                request: {stakeholder: Jane, contact: jane@example.org, source: follower, requested: 2024-01-05}
            """
        let registry = try RegistryFixture.parse(text: text, customKinds: ["audit"])
        #expect(registry.reports[0].request?.source == RequestSource(name: "follower"))
        #expect(registry.reports[0].options == .custom(["anything": [1, 2]]))
        #expect(RegistryFixture.problems(text: text).first?.contains("unknown kind 'audit'") == true)
    }

    @Test("globs: * any run, ? one character")
    func globs() throws {
        let id = try ColumnGlob("*_id")
        #expect(id.matches("kf_id") && id.matches("_id") && !id.matches("kf_idx") && !id.matches("id"))
        let mixed = try ColumnGlob("a*b?c")
        #expect(mixed.matches("abxc") && mixed.matches("a123b4c") && !mixed.matches("abc"))
    }
}
