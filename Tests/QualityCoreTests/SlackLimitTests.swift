import Foundation
import QualityCore
import ReportKit
import Testing

/// Every Slack limit the digest keeps, at its boundary: at the limit nothing changes, one
/// past it the text is cut, the message splits, or the run ends in "… and N more".
@Suite("Slack limits")
struct SlackLimitTests {
    static let day = Timestamp.parse("2024-03-15")!
    let digest = SlackDigest()

    func run(attachments texts: [String], viewer: String? = nil) -> SlackDigest.Input {
        SlackDigest.Input(date: Self.day, viewerURL: viewer, reports: [
            SlackDigest.Report(name: "Big", status: .ok, attachments: texts.map { SlackAttachment(text: $0) }),
        ])
    }

    func run(attachmentCount count: Int, viewer: String? = nil) -> SlackDigest.Input {
        run(attachments: (1...count).map { "a\($0)" }, viewer: viewer)
    }

    func run(requestLines count: Int, viewer: String? = "https://v.example/") -> SlackDigest.Input {
        SlackDigest.Input(date: Self.day, viewerURL: viewer, reports: (1...count).map {
            SlackDigest.Report(name: "R\($0)", status: .ok, request: .init(stakeholder: "S\($0)"))
        })
    }

    func everyMessageWithinLimits(_ messages: [SlackMessage], _ limits: SlackLimits = .slack) {
        for message in messages {
            #expect(message.blocks.count <= limits.blocksPerMessage)
            #expect(message.attachments.count <= limits.attachmentsPerMessage)
            #expect(message.characterCount <= limits.messageCharacters)
        }
        #expect(messages.count <= limits.messagesPerRun)
    }

    // MARK: text of 3,000 characters

    @Test func attachmentTextOf3000CharactersIsKept() throws {
        let text = String(repeating: "x", count: 3000)
        let sent = try #require(digest.messages(for: run(attachments: [text])).first?.attachments.first)
        #expect(sent.text == text)
    }

    @Test func attachmentTextOf3001CharactersIsCutWithAnEllipsis() throws {
        let sent = try #require(digest.messages(for: run(attachments: [String(repeating: "x", count: 3001)])).first?.attachments.first)
        #expect(sent.text == String(repeating: "x", count: 2999) + "…")
        #expect(sent.text?.utf16.count == 3000)
    }

    @Test func cuttingCountsUTF16AndNeverSplitsAnEmoji() {
        // 1,500 emoji are 3,000 UTF-16 units: kept; one more and the cut keeps 1,499 and `…`.
        #expect(SlackText.fitted(String(repeating: "😀", count: 1500), limit: 3000) == String(repeating: "😀", count: 1500))
        #expect(SlackText.fitted(String(repeating: "😀", count: 1501), limit: 3000) == String(repeating: "😀", count: 1499) + "…")
    }

    @Test func cuttingNeverSplitsAnEntity() {
        #expect(SlackText.fitted("ab&", limit: 7, escaping: true) == "ab&amp;")
        #expect(SlackText.fitted("ab&c", limit: 7, escaping: true) == "ab…")
    }

    @Test func contextLineAtAndPastTheSectionLimit() throws {
        let prefix = "*R* · requested by "
        let atLimit = String(repeating: "s", count: 3000 - prefix.utf16.count)
        func line(_ stakeholder: String) throws -> String {
            let input = SlackDigest.Input(date: Self.day, reports: [.init(name: "R", status: .ok, request: .init(stakeholder: stakeholder))])
            let block = try #require(digest.messages(for: input).first?.blocks.last)
            guard case .context(let elements) = block else { Issue.record("not a context line"); return "" }
            return elements[0].text
        }
        #expect(try line(atLimit) == prefix + atLimit)
        let cut = try line(atLimit + "s")
        #expect(cut.utf16.count == 3000)
        #expect(cut.hasSuffix("s…"))
    }

    @Test func failureLineAtAndPastTheLimit() throws {
        func failure(_ error: String) throws -> String? {
            let input = SlackDigest.Input(date: Self.day, reports: [.init(name: "F", status: .failed, error: error)])
            return try #require(digest.messages(for: input).first?.attachments.first).text
        }
        #expect(try failure(String(repeating: "e", count: 3000)) == String(repeating: "e", count: 3000))
        #expect(try failure(String(repeating: "e", count: 3001)) == String(repeating: "e", count: 2999) + "…")
    }

    // MARK: 20 attachments

    @Test func twentyAttachmentsAreOneMessage() {
        let messages = digest.messages(for: run(attachmentCount: 20))
        #expect(messages.count == 1)
        #expect(messages.first?.attachments.count == 20)
    }

    @Test func twentyOneAttachmentsSplitIntoTwoMessages() throws {
        let messages = digest.messages(for: run(attachmentCount: 21))
        #expect(messages.map(\.attachments.count) == [20, 1])
        let second = try #require(messages.last)
        #expect(second.text == "Quality reports 2024-03-15, continued (2 of 2)")
        #expect(second.blocks == [.context([.mrkdwn("Quality reports 2024-03-15, continued (2 of 2)")])])
        #expect(second.attachments.first?.text == "a21")
        everyMessageWithinLimits(messages)
    }

    @Test func aReportsAttachmentsStayTogetherWhenTheyFitOneMessage() {
        let input = SlackDigest.Input(date: Self.day, reports: [
            .init(name: "A", status: .ok, attachments: (1...15).map { SlackAttachment(text: "a\($0)") }),
            .init(name: "B", status: .ok, attachments: (1...10).map { SlackAttachment(text: "b\($0)") }),
        ])
        let messages = digest.messages(for: input)
        #expect(messages.map(\.attachments.count) == [15, 10])
        #expect(messages.last?.attachments.first?.text == "b1")
    }

    // MARK: 50 blocks

    @Test func fiftyBlocksAreOneMessage() {
        // header + viewer link + 48 context lines = 50 blocks.
        let messages = digest.messages(for: run(requestLines: 48))
        #expect(messages.count == 1)
        #expect(messages.first?.blocks.count == 50)
    }

    @Test func fiftyOneBlocksSplit() {
        let messages = digest.messages(for: run(requestLines: 49))
        #expect(messages.map(\.blocks.count) == [50, 2])
        everyMessageWithinLimits(messages)
    }

    // MARK: 40,000 characters

    func characterRun(lastText length: Int) -> SlackDigest.Input {
        run(attachments: Array(repeating: String(repeating: "c", count: 3000), count: 13) + [String(repeating: "c", count: length)])
    }

    @Test func messageOfExactly40000CharactersIsOneMessage() throws {
        let base = try #require(digest.messages(for: run(attachments: [])).first).characterCount
        let last = 40_000 - base - 13 * 3000
        let messages = digest.messages(for: characterRun(lastText: last))
        #expect(messages.count == 1)
        #expect(messages.first?.characterCount == 40_000)
    }

    @Test func oneCharacterMoreSplits() throws {
        let base = try #require(digest.messages(for: run(attachments: [])).first).characterCount
        let messages = digest.messages(for: characterRun(lastText: 40_000 - base - 13 * 3000 + 1))
        #expect(messages.map(\.attachments.count) == [13, 1])
        everyMessageWithinLimits(messages)
    }

    // MARK: messages per run

    @Test func threeFullMessagesNeedNoMore() {
        let messages = digest.messages(for: run(attachmentCount: 60))
        #expect(messages.map(\.attachments.count) == [20, 20, 20])
        #expect(messages.last?.attachments.last?.text == "a60")
    }

    @Test func pastThreeMessagesTheRunEndsWithAndNMore() throws {
        let messages = digest.messages(for: run(attachmentCount: 61, viewer: nil))
        #expect(messages.map(\.attachments.count) == [20, 20, 20])
        let more = try #require(messages.last?.attachments.last)
        #expect(more.text == "… and 2 more")
        #expect(messages.last?.attachments.dropLast().last?.text == "a59")
        #expect(messages[2].text == "Quality reports 2024-03-15, continued (3 of 3)")
        everyMessageWithinLimits(messages)
    }

    @Test func andNMoreCountsLeftOutContextLinesToo() throws {
        let input = SlackDigest.Input(date: Self.day, viewerURL: "https://v.example/", reports: (1...200).map {
            SlackDigest.Report(name: "R\($0)", status: .ok, attachments: [SlackAttachment(text: "r\($0)")], request: .init(ticket: "T-\($0)"))
        })
        let messages = digest.messages(for: input)
        everyMessageWithinLimits(messages)
        let shown = messages.reduce(0) { $0 + $1.attachments.count + $1.blocks.count } - 2 - 2 - 1  // opening, markers, "more"
        let more = try #require(messages.last?.attachments.last?.text)
        #expect(more == "… and \(400 - shown) more in the viewer")
    }

    @Test func hugeFieldsAreDroppedUntilTheAttachmentFits() throws {
        let fields = (1...30).map { SlackAttachment.Field(title: "f\($0)", value: String(repeating: "v", count: 2000)) }
        let input = SlackDigest.Input(date: Self.day, reports: [.init(name: "W", status: .ok, attachments: [SlackAttachment(title: "wide", fields: fields)])])
        let messages = digest.messages(for: input)
        everyMessageWithinLimits(messages)
        let sent = try #require(messages.last?.attachments.first)
        #expect(sent.fields.count < 30)
        #expect(sent.fields.count >= 18)
    }
}
