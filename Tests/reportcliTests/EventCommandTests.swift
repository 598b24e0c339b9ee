import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import reportcli

/// Commands run from a JSON event, in process, as the Lambda loop will run them.
@Suite("Commands from events")
struct EventCommandTests {
    static let context = CommandContext(registry: .standard, environment: Environment([:]))

    @Test("a slips event with the seed's flags gives the golden payload")
    func slipsDryRun() async throws {
        let event: JSONValue = ["db": "Fixtures/slips/e2e_db.yaml", "now": "2020-05-01T04:05:06Z", "dryrun": nil, "metrics": "/dev/null"]
        let outcome = try await ReportCLI.outcome(handler: "slips", event: event, context: Self.context)
        #expect(outcome.status == .success)
        #expect(outcome.output == (try JSONReader.parse(FixturePaths.text("slips/e2e_expected.json"))))
    }

    @Test("event keys win over REPORTKIT_ variables: horizon 240 from the event, the table from the environment")
    func slipsHorizon() async throws {
        let context = CommandContext(registry: .standard, environment: Environment([
            "REPORTKIT_DB": "Fixtures/slips/e2e_db.yaml", "REPORTKIT_HORIZON_HOURS": "1", "REPORTKIT_METRICS": "/dev/null",
        ]))
        let event: JSONValue = ["now": "2020-05-01T04:05:06Z", "horizon-hours": 240, "dryrun": ""]
        let outcome = try await ReportCLI.outcome(handler: "slips", event: event, context: context)
        #expect(outcome.output == (try JSONReader.parse(FixturePaths.text("slips/e2e_expected_horizon240.json"))))
    }

    @Test("a bad event value is a usage error naming the key")
    func badValue() async {
        let event: JSONValue = ["db": "Fixtures/slips/e2e_db.yaml", "slip-delta": "soon", "dryrun": ""]
        do {
            _ = try await ReportCLI.outcome(handler: "slips", event: event, context: Self.context)
            Issue.record("no error")
        } catch {
            #expect(ErrorReport.describe(error).message.hasPrefix("reportcli: error: event key 'slip-delta' needs a whole number, got 'soon'"))
        }
    }

    @Test("a bad time in the event is named as the event key")
    func badTime() async {
        let event: JSONValue = ["db": "Fixtures/slips/e2e_db.yaml", "now": "yesterday", "dryrun": ""]
        do {
            _ = try await ReportCLI.outcome(handler: "slips", event: event, context: Self.context)
            Issue.record("no error")
        } catch {
            #expect(ErrorReport.describe(error) == ("reportcli: error: event key 'now' must be an ISO-8601 date or time, e.g. 2020-05-01T04:05:06Z; got 'yesterday'\n(run 'reportcli slips --help' for usage)", 2))
        }
    }

    @Test("the handler is a command's words; an unknown one is a usage error")
    func handler() async {
        await #expect(throws: UsageError.self) { try await ReportCLI.outcome(handler: "frobnicate", event: [:], context: Self.context) }
    }
}
