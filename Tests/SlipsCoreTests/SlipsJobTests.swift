import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import SlipsCore

@Suite("The slips job: send, move the cutoff, metrics")
struct SlipsJobTests {
    let rows = launched([
        Row.cutoff("2020-04-21 04:05:00 UTC"),
        Row.service("svc"),
        Row.plan("svc", 0, "ABC", latest: 1, date: "2020-07-01", updated: "2020-04-26"),
        Row.plan("svc", 1, "ABC", latest: 1, date: "2020-05-01", updated: "2020-04-22"),
    ])

    func job(_ store: InMemoryBuildables, _ notifier: RecordingNotifier, _ metrics: RecordingMetricsSink, dryRun: Bool) -> SlipsJob {
        SlipsJob(store: store, notifier: notifier, clock: FixedClock(may1), metrics: metrics,
                 logger: .silent, options: SlipsOptions(dryRun: dryRun))
    }

    @Test func dryRunSendsNothingAndLeavesTheStore() async throws {
        let store = InMemoryBuildables(rows)
        let notifier = RecordingNotifier()
        let metrics = RecordingMetricsSink()
        let outcome = try await job(store, notifier, metrics, dryRun: true).run()
        #expect(outcome.sent == false && outcome.newCutoff == nil)
        #expect(notifier.sent.isEmpty)
        #expect(store.items == InMemoryBuildables(rows).items)
        // Nothing was sent, and nothing failed.
        #expect(metrics.batches.first?.value("message_send_success") == 0)
        #expect(metrics.batches.first?.value("message_send_failure") == 0)
        #expect(metrics.batches.first?.value("slips_count") == 1)
    }

    @Test func realRunSendsThenMovesTheCutoff() async throws {
        let store = InMemoryBuildables(rows)
        let notifier = RecordingNotifier()
        let metrics = RecordingMetricsSink()
        let outcome = try await job(store, notifier, metrics, dryRun: false).run()
        #expect(notifier.sent == [SlipsNotification(messageGroupName: "region-slips", params: outcome.payload.payload)])
        #expect(metrics.batches.first?.value("message_send_success") == 1)
        #expect(metrics.batches.first?.value("message_send_failure") == 0)
        #expect(outcome.newCutoff == "2020-05-01 04:05:06 UTC")
        let cutoff = store.items.first { $0.artifact == "NOTIFICATION" }
        #expect(cutoff?["updated"] == "2020-05-01 04:05:06 UTC")
        #expect(store.items.count == rows.count)
    }

    @Test func failedSendLeavesTheCutoffAndCountsAFailure() async throws {
        let store = InMemoryBuildables(rows)
        let metrics = RecordingMetricsSink()
        await #expect(throws: Unreachable.self) {
            _ = try await job(store, RecordingNotifier(failing: Unreachable()), metrics, dryRun: false).run()
        }
        #expect(store.items == InMemoryBuildables(rows).items)
        let batch = try #require(metrics.batches.first)
        #expect(batch.value("message_send_success") == 0 && batch.value("message_send_failure") == 1)
    }

    @Test("a cutoff write that fails after the send: sent and cutoff_write_failure counted, not a failed send")
    func failedCutoffWriteAfterSend() async throws {
        let store = InMemoryBuildables(rows)
        store.failUpdates = Unreachable()
        let notifier = RecordingNotifier()
        let metrics = RecordingMetricsSink()
        let error = await #expect(throws: CutoffNotWritten.self) {
            _ = try await job(store, notifier, metrics, dryRun: false).run()
        }
        #expect(error?.category == .outsideSystem)
        #expect(error.map(String.init(describing:))?.contains("was sent, but the cutoff 2020-05-01 04:05:06 UTC was not written") == true)
        #expect(notifier.sent.count == 1)
        #expect(metrics.batches.count == 1)
        let batch = try #require(metrics.batches.first)
        #expect(batch.value("message_send_success") == 1)
        #expect(batch.value("cutoff_write_failure") == 1)
        #expect(batch.value("message_send_failure") == 0)
    }

    @Test func badInputCountsAFailureAndSendsNothing() async throws {
        let notifier = RecordingNotifier()
        let metrics = RecordingMetricsSink()
        let store = InMemoryBuildables([["artifact": "REGION", "instance": "ABC:v0"]])
        await #expect(throws: SlipsError.self) { _ = try await job(store, notifier, metrics, dryRun: false).run() }
        #expect(notifier.sent.isEmpty)
        #expect(metrics.batches.first?.value("message_send_failure") == 1)
    }

    @Test func metricsFailureDoesNotFailTheRun() async throws {
        let log = RecordingLogHandler()
        let job = SlipsJob(store: InMemoryBuildables(rows), notifier: RecordingNotifier(), clock: FixedClock(may1),
                           metrics: RecordingMetricsSink(failing: Unreachable()), logger: log.logger(), options: SlipsOptions(dryRun: true))
        _ = try await job.run()
        #expect(log.messages(at: .warning).contains("could not publish metrics: unreachable"))
    }

    @Test func logmmLogsThePayloadOnce() async throws {
        let log = RecordingLogHandler()
        let job = SlipsJob(store: InMemoryBuildables(rows), notifier: RecordingNotifier(), clock: FixedClock(may1),
                           metrics: RecordingMetricsSink(), logger: log.logger(.info), options: SlipsOptions(dryRun: true, logPayload: true))
        _ = try await job.run()
        #expect(log.messages(at: .info).filter { $0.hasPrefix("payload to the notification service:") }.count == 1)
    }
}
