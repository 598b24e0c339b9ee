import Foundation
import ReportKit

/// Builds the run's Slack message: one message per run, not one per report.
///
/// The message has a header (`Quality reports YYYY-MM-DD: N reports, M failed`), a link to
/// the run in the viewer when there is one (`{viewer}#YYYY-MM-DD`), then in run order each
/// report's attachments (a failed report first gets a `danger` attachment with the first
/// line of its error), and a context line per report with its stakeholder, contact and ticket.
///
/// Within ``SlackLimits`` (Slack's): a text longer than the text limit is cut and ends in
/// `…`; when the blocks, attachments or characters would not fit one message, the rest go
/// to continuation messages (each opens with a `continued (k of n)` context line; a report's
/// attachments move to the next message together when they fit one message), and past
/// ``SlackLimits/messagesPerRun`` the last message ends with a `… and N more` attachment,
/// N counting the attachments and context lines left out. Attachments are placed before
/// context lines, so those are left out first. Pure and deterministic.
public struct SlackDigest: Sendable {
    public var limits: SlackLimits

    public init(limits: SlackLimits = .slack) {
        self.limits = limits
    }

    /// The messages to post, in order: one unless the limits force a split.
    public func messages(for input: Input) -> [SlackMessage] {
        let day = Timestamp.day(input.date)
        let title = "Quality reports \(day): \(Self.tally(input.reports))"
        var opening: [SlackBlock] = [.header(SlackText.fitted(title, limit: 150))]
        if let viewer = input.viewerURL, !viewer.isEmpty {
            let link = "<\(Self.linkTarget(Self.deepLink(viewer, day: day)))|Open the run in the viewer>"
            opening.append(.section(.mrkdwn(SlackText.fitted(link, limit: limits.textCharacters))))
        }
        var groups: [[SlackPacker.Item]] = input.reports.map { attachments(of: $0).map(SlackPacker.Item.attachment) }
        groups += input.reports.compactMap { contextLine(of: $0) }.map { [SlackPacker.Item.block($0)] }
        let packer = SlackPacker(limits: limits, day: day, viewerLinked: opening.count > 1)
        return packer.pack(first: SlackMessage(text: title, blocks: opening), groups: groups)
    }

    /// `3 reports, 1 failed` (and `, 2 warned` when some warned).
    static func tally(_ reports: [Report]) -> String {
        let failed = reports.filter { $0.status == .failed }.count
        let warned = reports.filter { $0.status == .warn }.count
        var text = "\(reports.count) report\(reports.count == 1 ? "" : "s"), \(failed) failed"
        if warned > 0 { text += ", \(warned) warned" }
        return text
    }

    /// `viewer` with its fragment replaced by the run's day.
    static func deepLink(_ viewer: String, day: String) -> String {
        let base = viewer.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? viewer
        return "\(base)#\(day)"
    }

    /// A URL made safe inside mrkdwn's `<url|label>`: entities for `&`, `<`, `>`, and `|`
    /// (which would end the URL) percent-encoded.
    static func linkTarget(_ url: String) -> String {
        SlackText.escaped(url).replacingOccurrences(of: "|", with: "%7C")
    }

    /// The report's attachments: a `danger` one when it failed, then its own, texts fitted.
    func attachments(of report: Report) -> [SlackAttachment] {
        var result: [SlackAttachment] = []
        if report.status == .failed {
            let firstLine = report.error.map { String($0.split(whereSeparator: \.isNewline).first ?? "") }
            let line = firstLine.map { SlackText.fitted($0, limit: limits.textCharacters, escaping: true) }
            result.append(SlackAttachment(
                color: .danger, title: SlackText.escaped("\(report.name) failed"), text: line,
                fallback: SlackText.fitted("\(report.name) failed" + (firstLine.map { ": \($0)" } ?? ""), limit: limits.textCharacters)))
        }
        for var attachment in report.attachments {
            attachment.text = attachment.text.map { SlackText.fitted($0, limit: limits.textCharacters) }
            attachment.pretext = attachment.pretext.map { SlackText.fitted($0, limit: limits.textCharacters) }
            result.append(attachment)
        }
        return result
    }

    /// `*Name* · Jane Doe (jane@example.org)` and `Ticket: <url>`, or `nil` without metadata.
    func contextLine(of report: Report) -> SlackBlock? {
        guard let request = report.request,
              request.stakeholder != nil || request.contact != nil || request.ticket != nil else { return nil }
        var who = "*\(SlackText.escaped(report.name))*"
        switch (request.stakeholder, request.contact) {
        case let (name?, contact?): who += " · requested by \(SlackText.escaped(name)) (\(SlackText.escaped(contact)))"
        case let (name?, nil): who += " · requested by \(SlackText.escaped(name))"
        case let (nil, contact?): who += " · contact \(SlackText.escaped(contact))"
        case (nil, nil): break
        }
        var elements = [SlackText.mrkdwn(SlackText.fitted(who, limit: limits.textCharacters))]
        if let ticket = request.ticket {
            let isURL = ticket.hasPrefix("https://") || ticket.hasPrefix("http://")
            let text = isURL ? "Ticket: <\(Self.linkTarget(ticket))>" : "Ticket: \(SlackText.escaped(ticket))"
            elements.append(.mrkdwn(SlackText.fitted(text, limit: limits.textCharacters)))
        }
        return .context(elements)
    }
}
