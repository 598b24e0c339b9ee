import Foundation
import ReportKit

/// A whole slips run: build the payload, send it, move the cutoff, report metrics.
///
/// The cutoff moves only after the notifier accepted the message, so a failed run is
/// retried from the same point next time. Metrics are published whether the run succeeds or
/// fails; a failure to publish them is logged, never turned into a run failure.
///
/// Metrics: `message_send_success` is 1 when the notification service accepted the message,
/// `message_send_failure` 1 when the run threw before or while sending; a dry run, which
/// sends nothing, reports both as 0. `cutoff_write_failure` is 1 when the message was sent
/// but the new cutoff could not be written (then `message_send_success` is 1 too, the run
/// throws ``CutoffNotWritten`` and the next run reports from the old cutoff, sending the
/// same changes again). `slips_count` and `improvements_count` are the payload's.
public struct SlipsJob: Sendable {
    public var store: any BuildablesStore
    public var notifier: any SlipsNotifier
    public var clock: any WallClock
    public var metrics: any MetricsSink
    public var logger: Logger
    public var options: SlipsOptions

    public init(
        store: any BuildablesStore, notifier: any SlipsNotifier, clock: any WallClock,
        metrics: any MetricsSink, logger: Logger, options: SlipsOptions
    ) {
        self.store = store
        self.notifier = notifier
        self.clock = clock
        self.metrics = metrics
        self.logger = logger
        self.options = options
    }

    /// What a run did.
    public struct Outcome: Sendable, Hashable {
        public var payload: SlipsPayload
        /// `false` on a dry run.
        public var sent: Bool
        /// The cutoff text written to the store, `nil` on a dry run.
        public var newCutoff: String?
        public var metrics: MetricBatch
    }

    /// Runs once.
    ///
    /// - Throws: ``SlipsError`` for bad input (nothing sent, store untouched); the notifier's
    ///   or the store's error when reading or sending fails (the cutoff is unchanged);
    ///   ``CutoffNotWritten`` when the message was sent but the cutoff could not be moved.
    public func run() async throws -> Outcome {
        let now = clock.now()
        var batch = MetricBatch(
            namespace: options.metricsNamespace, dimensions: ["Report": options.messageGroupName],
            values: [("message_send_success", 0), ("message_send_failure", 0), ("cutoff_write_failure", 0)], timestamp: now)
        do {
            let payload = try await SlipsReport.build(store: store, now: now, options: options, logger: logger)
            batch.set("slips_count", Double(payload.slips.count))
            batch.set("improvements_count", Double(payload.improvements.count))
            // Built only when logged or sent: a dry run's caller builds its own to print, and on
            // a big table a second tree of the payload costs as much memory as the first.
            let json = options.logPayload || !options.dryRun ? payload.payload : .null
            if options.logPayload {
                logger.info("payload to the notification service:\n\(JSONWriter.canonical(json))")
            }
            var newCutoff: String?
            if options.dryRun {
                logger.info("dry run: nothing sent, cutoff not moved")
            } else {
                try await notifier.send(SlipsNotification(messageGroupName: options.messageGroupName, params: json))
                logger.info("sent \(payload.slips.count) slips and \(payload.improvements.count) improvements")
                let text = Cutoff.storedText(for: now)
                do {
                    try await store.update(
                        artifact: Cutoff.artifact, instance: Cutoff.instance,
                        set: JSONObject([.init(key: "updated", value: .string(text))]))
                } catch {
                    // Sent, but not recorded: not a failed send. The next run starts from the
                    // old cutoff and sends these changes again.
                    batch.set("message_send_success", 1)
                    batch.set("cutoff_write_failure", 1)
                    await publish(batch)
                    throw CutoffNotWritten(cutoff: text, reason: error)
                }
                logger.info("cutoff moved to \(text)")
                newCutoff = text
            }
            // Success counts a message the service accepted: a dry run sent none, so it
            // reports 0 sent and 0 failed (the seed's "opposites" hold for runs that send).
            if !options.dryRun { batch.set("message_send_success", 1) }
            await publish(batch)
            return Outcome(payload: payload, sent: !options.dryRun, newCutoff: newCutoff, metrics: batch)
        } catch let error as CutoffNotWritten {
            throw error
        } catch {
            batch.set("message_send_failure", 1)
            await publish(batch)
            throw error
        }
    }

    private func publish(_ batch: MetricBatch) async {
        do {
            try await metrics.publish(batch)
        } catch {
            logger.warning("could not publish metrics: \(error)")
        }
    }
}
