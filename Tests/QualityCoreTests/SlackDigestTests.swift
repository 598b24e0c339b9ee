import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// The run's one Slack message: its content, compared with committed golden JSON.
@Suite("Slack digest")
struct SlackDigestTests {
    static let day = Timestamp.parse("2024-03-15")!

    static let run = SlackDigest.Input(
        date: day, viewerURL: "https://reports.example.org/viewer/index.html#old",
        reports: [
            SlackDigest.Report(
                name: "Table Summary", status: .ok,
                attachments: [SlackAttachment(
                    color: .info, title: "Daily Change Report", titleLink: "https://reports.example.org/20240315-reports/Table_Summary/",
                    text: "There were *12* changes made across *2/9* columns since 2024-03-14",
                    fields: [.init(title: "Tables", value: "3", short: true), .init(title: "Columns", value: "9", short: true)],
                    footer: "reportcli", ts: 1_710_460_800)],
                request: SlackDigest.Request(stakeholder: "Jane Doe", contact: "jane@example.org", ticket: "https://tracker.example.org/issues/12")),
            SlackDigest.Report(
                name: "Consent Codes", status: .failed,
                error: "no such table: biospecimen <sqlite>\n  at data/clinic.db",
                request: SlackDigest.Request(stakeholder: "R&D team", ticket: "DATA-7")),
            SlackDigest.Report(name: "Orders checks", status: .warn),
        ])

    func canonical(_ messages: [SlackMessage]) -> String {
        JSONWriter.canonical(.array(messages.map(\.json))) + "\n"
    }

    @Test func oneMessageForTheRunMatchesTheGolden() throws {
        let messages = SlackDigest().messages(for: Self.run)
        #expect(messages.count == 1)
        if let mismatch = try GoldenFile.mismatch(canonical(messages), golden: "quality/slack/digest.json") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func headerCountsReportsAndFailures() throws {
        let message = try #require(SlackDigest().messages(for: Self.run).first)
        #expect(message.text == "Quality reports 2024-03-15: 3 reports, 1 failed, 1 warned")
        #expect(message.blocks.first == .header("Quality reports 2024-03-15: 3 reports, 1 failed, 1 warned"))
        let single = SlackDigest().messages(for: .init(date: Self.day, reports: [.init(name: "A", status: .ok)]))
        #expect(single.first?.text == "Quality reports 2024-03-15: 1 report, 0 failed")
    }

    @Test func viewerLinkDeepLinksToTheRunsDay() throws {
        let message = try #require(SlackDigest().messages(for: Self.run).first)
        #expect(message.blocks[1] == .section(.mrkdwn("<https://reports.example.org/viewer/index.html#2024-03-15|Open the run in the viewer>")))
        let plain = SlackDigest().messages(for: .init(date: Self.day, viewerURL: "https://v.example/?a=1&b=|x", reports: []))
        #expect(plain.first?.blocks[1] == .section(.mrkdwn("<https://v.example/?a=1&amp;b=%7Cx#2024-03-15|Open the run in the viewer>")))
        let none = SlackDigest().messages(for: .init(date: Self.day, reports: []))
        #expect(none.first?.blocks.count == 1)
    }

    @Test func failureIsADangerAttachmentWithTheErrorsFirstLine() throws {
        let message = try #require(SlackDigest().messages(for: Self.run).first)
        let failure = try #require(message.attachments.first { $0.color == .danger })
        #expect(failure.title == "Consent Codes failed")
        #expect(failure.text == "no such table: biospecimen &lt;sqlite&gt;")
        #expect(failure.fallback == "Consent Codes failed: no such table: biospecimen <sqlite>")
    }

    @Test func failureWithoutAnErrorStillShowsAndComesBeforeTheReportsOwnAttachments() throws {
        let input = SlackDigest.Input(date: Self.day, reports: [
            .init(name: "Orders checks", status: .failed, attachments: [SlackAttachment(color: .warning, title: "2 checks failed")]),
        ])
        let message = try #require(SlackDigest().messages(for: input).first)
        #expect(message.attachments == [
            SlackAttachment(color: .danger, title: "Orders checks failed", fallback: "Orders checks failed"),
            SlackAttachment(color: .warning, title: "2 checks failed"),
        ])
        #expect(message.attachments[1].json["fallback"] == "2 checks failed")
    }

    @Test func reportsWithoutAttachmentsOrRequestsAddNothingButTheirCount() throws {
        let input = SlackDigest.Input(date: Self.day, reports: [.init(name: "Quiet", status: .ok), .init(name: "Also", status: .ok, request: .init())])
        let message = try #require(SlackDigest().messages(for: input).first)
        #expect(message == SlackMessage(text: "Quality reports 2024-03-15: 2 reports, 0 failed", blocks: [.header("Quality reports 2024-03-15: 2 reports, 0 failed")]))
    }

    @Test func contextLinesNameStakeholderContactAndTicket() throws {
        let message = try #require(SlackDigest().messages(for: Self.run).first)
        let contexts = message.blocks.filter { if case .context = $0 { return true } else { return false } }
        #expect(contexts == [
            .context([.mrkdwn("*Table Summary* · requested by Jane Doe (jane@example.org)"), .mrkdwn("Ticket: <https://tracker.example.org/issues/12>")]),
            .context([.mrkdwn("*Consent Codes* · requested by R&amp;D team"), .mrkdwn("Ticket: DATA-7")]),
        ])
    }

    @Test func outputIsDeterministic() {
        let first = canonical(SlackDigest().messages(for: Self.run))
        #expect(canonical(SlackDigest().messages(for: Self.run)) == first)
    }

    @Test func splitRunMatchesTheGolden() throws {
        let limits = SlackLimits(attachmentsPerMessage: 2, messagesPerRun: 2)
        var input = Self.run
        input.reports += (1...3).map { SlackDigest.Report(name: "Extra \($0)", status: .ok, attachments: [SlackAttachment(color: .good, text: "extra \($0)")]) }
        let messages = SlackDigest(limits: limits).messages(for: input)
        #expect(messages.count == 2)
        if let mismatch = try GoldenFile.mismatch(canonical(messages), golden: "quality/slack/digest-split.json") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }
}

/// Attachments read back from Slack's JSON.
@Suite("Slack attachment JSON")
struct SlackAttachmentJSONTests {
    @Test func roundTripKeepsEveryMemberAndUnknownOnes() throws {
        let json: JSONValue = [
            "color": "#3AA3E3", "title": "Daily Change Report", "title_link": "https://x.example/", "text": "There were *2* changes",
            "fields": [["title": "Files", "value": "3", "short": true]], "footer": "reportcli", "ts": 1_710_460_800,
            "fallback": "2 changes", "actions": [["type": "button", "text": "Check it Out", "url": "https://x.example/r.html"]],
        ]
        let attachment = try SlackAttachment(json: json)
        #expect(attachment.fields == [.init(title: "Files", value: "3", short: true)])
        #expect(attachment.extra.keys == ["actions"])
        #expect(attachment.json == json)
    }

    @Test(arguments: [
        (JSONValue.array([]), "attachments[0]: expected an object, found an array"),
        (["title": 3], "attachments[0].title: expected a string, found a number"),
        (["ts": "soon"], "attachments[0].ts: expected seconds since 1970, found a string"),
        (["fields": [["title": "a", "value": "b", "short": "yes"]]], "attachments[0].fields[0].short: expected a boolean, found a string"),
        (["fields": [["value": "b"]]], "attachments[0].fields[0].title: expected a string, found null"),
    ] as [(JSONValue, String)])
    func wrongTypesNameTheMember(json: JSONValue, message: String) {
        #expect(throws: SlackAttachmentError.self) { try SlackAttachment(json: json, path: "attachments[0]") }
        do {
            _ = try SlackAttachment(json: json, path: "attachments[0]")
        } catch {
            #expect(error.description == message)
        }
    }
}
