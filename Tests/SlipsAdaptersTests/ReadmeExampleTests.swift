import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import SlipsAdapters
import SlipsCore
import Testing

/// The README's embedding example, kept compiling and working: the same calls, on the
/// bundled table, as a dry run at a fixed time.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("embedding the slips job in a few lines")
    func embedding() async throws {
        let notifyURL = URL(string: "http://127.0.0.1:9/notify")!
        let job = SlipsJob(
            store: try BuildablesFile.open(path: FixturePaths.fixture("slips/e2e_db.yaml").path),
            notifier: NotificationServiceNotifier(url: notifyURL, transport: RetryingTransport(URLSessionTransport())),
            clock: FixedClock(Timestamp.parse("2020-05-01T04:05:06Z")!),
            metrics: RecordingMetricsSink(),
            logger: .silent,
            options: SlipsOptions(horizonHours: 336, slipDelta: 30, dryRun: true))
        let outcome = try await job.run()
        #expect(JSONWriter.canonical(outcome.payload.payload) + "\n" == (try FixturePaths.text("slips/e2e_expected.json")))
    }
}
