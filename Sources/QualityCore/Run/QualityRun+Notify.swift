import Foundation
import ReportKit

extension QualityRun {
    /// Sends the run's message (``SlackDigest``: one message unless Slack's limits force a
    /// split), then the files reports asked to share; for `--dryrun` only shows them.
    /// Never throws: a failure after the publisher's retries is the delivery's error.
    func notify(_ publisher: any MessagePublisher, reports: [RanReport], day: CalendarDay, options: RunOptions) async -> (RunManifest.Delivery, [JSONValue]) {
        let input = SlackDigest.Input(
            date: day.start, viewerURL: options.viewerURL,
            reports: reports.map { Self.digestReport($0.record, linking: options.viewerURL, day: day) })
        let messages = SlackDigest(limits: options.slackLimits).messages(for: input)
        var files = reports.flatMap(\.slackFiles)
        if !files.isEmpty, !publisher.canUploadFiles {
            logger.warning("\(files.count) file\(files.count == 1 ? "" : "s") for Slack not shared: an incoming webhook cannot upload files (use --slack-token and --slack-channel)")
            files = []
        }
        let requests = messages.flatMap { publisher.preview($0.json) } + files.flatMap { publisher.preview($0) }
        if options.dryrun {
            return (RunManifest.Delivery(status: .dryrun, messages: messages.count), requests)
        }
        var sent = 0
        do {
            for message in messages {
                try await publisher.post(message.json)
                sent += 1
            }
            for file in files { try await publisher.upload(file) }
            logger.info("Slack: \(sent) message\(sent == 1 ? "" : "s") sent" + (files.isEmpty ? "" : ", \(files.count) file\(files.count == 1 ? "" : "s") shared"))
            return (RunManifest.Delivery(status: .sent, messages: sent), requests)
        } catch {
            let line = logger.redact(Self.firstLine(String(describing: error)))
            logger.error("Slack: the run's message was not delivered: \(line)")
            return (RunManifest.Delivery(status: .failed, error: line, messages: sent), requests)
        }
    }

    /// The store failed: the run stops without a manifest, and Slack is told so (best
    /// effort: a failure to tell is logged).
    func tellStoreFailed(_ publisher: any MessagePublisher, day: CalendarDay, error: any Error) async {
        let line = logger.redact(Self.firstLine(String(describing: error)))
        let title = "Quality reports \(day): the run failed"
        let message = SlackMessage(
            text: title, blocks: [.header(title)],
            attachments: [SlackAttachment(color: .danger, title: "Storing the reports failed", text: SlackText.fitted(line, limit: 3_000, escaping: true), fallback: "Storing the reports failed: \(line)")])
        do {
            try await publisher.post(message.json)
        } catch {
            logger.error("Slack: could not say that the run failed: \(logger.redact(Self.firstLine(String(describing: error))))")
        }
    }

    /// The report's part of the message; with a viewer, its titled attachments that link
    /// nowhere link to the report in the viewer (`{viewer}#YYYY-MM-DD/{Folder}`).
    static func digestReport(_ record: ManifestReport, linking viewer: String? = nil, day: CalendarDay) -> SlackDigest.Report {
        var attachments = record.attachments
        if let viewer, !viewer.isEmpty {
            let link = SlackDigest.deepLink(viewer, day: "\(day)/\(record.folder.name)")
            for index in attachments.indices where attachments[index].title != nil && attachments[index].titleLink == nil {
                attachments[index].titleLink = link
            }
        }
        return SlackDigest.Report(
            name: record.name, status: record.status, attachments: attachments, error: record.error,
            request: record.request.map {
                SlackDigest.Request(stakeholder: $0.stakeholder, contact: $0.contact.description, ticket: $0.ticket?.description)
            })
    }

    /// Keys under the day's folder that `manifest` does not list (nor is): what an earlier
    /// run of the day made and this one did not.
    func staleKeys(_ manifest: RunManifest) async throws -> [ObjectKey] {
        let kept = Set(manifest.reports.flatMap { $0.files.map(\.key) } + [manifest.day.manifestKey])
        return try await store.list(prefix: manifest.day.runPrefix).map(\.key).filter { !kept.contains($0) }
    }

    /// Removes ``staleKeys(_:)``: after the manifest, so no manifest ever names a file that
    /// is gone.
    func removeStale(_ manifest: RunManifest) async throws -> [ObjectKey] {
        let stale = try await staleKeys(manifest)
        for key in stale { try await store.delete(key) }
        if !stale.isEmpty { logger.info("removed \(stale.count) file\(stale.count == 1 ? "" : "s") an earlier run of \(manifest.day) made and this one did not") }
        return stale
    }
}
