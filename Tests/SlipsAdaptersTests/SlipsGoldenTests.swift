import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import SlipsAdapters
import SlipsCore
import Testing

/// The whole slips job on the original's end-to-end table, compared byte for byte with the
/// payloads the original code produced on it (`Fixtures/slips/SOURCE.md`). These goldens
/// come from the original, so they are never re-recorded.
@Suite("Slips golden payloads")
struct SlipsGoldenTests {
    static let now = Timestamp.parse("2020-05-01T04:05:06Z")!

    func payload(horizonHours: Int) async throws -> (text: String, outcome: SlipsJob.Outcome) {
        let store = try BuildablesFile.open(path: FixturePaths.fixture("slips/e2e_db.yaml").path)
        let job = SlipsJob(
            store: store, notifier: NotConfiguredNotifier(), clock: FixedClock(Self.now), metrics: RecordingMetricsSink(),
            logger: .silent, options: SlipsOptions(horizonHours: horizonHours, dryRun: true))
        let outcome = try await job.run()
        return (JSONWriter.canonical(outcome.payload.payload) + "\n", outcome)
    }

    @Test("default horizon (336 h): beginning 2020-04-17, slip chrisjen/ABC 85 days, improvement chrisjen/DEF 33 days")
    func defaultHorizon() async throws {
        let (text, outcome) = try await payload(horizonHours: 336)
        let expected = try FixturePaths.text("slips/e2e_expected.json")
        #expect(GoldenFile.difference(text, expected, name: "e2e_expected.json") == nil)
        #expect(outcome.sent == false && outcome.newCutoff == nil)
    }

    @Test("240 h horizon: the seed's sample payload")
    func horizon240() async throws {
        let (text, _) = try await payload(horizonHours: 240)
        let expected = try FixturePaths.text("slips/e2e_expected_horizon240.json")
        #expect(GoldenFile.difference(text, expected, name: "e2e_expected_horizon240.json") == nil)
    }
}
