import ReportKit

/// Packs the digest's blocks and attachments into as few messages as ``SlackLimits`` allow.
///
/// Items come in groups (one report's attachments; one context line) and go in order into
/// the current message while its blocks, attachments and characters stay within the limits;
/// an item that does not fit opens a continuation message. A group that does not fit the
/// rest of a message that already holds items, but fits a message of its own, starts a
/// continuation message, so a report's attachments are not split when they need not be. Past ``SlackLimits/messagesPerRun`` messages, the last one drops items from its
/// end until a `… and N more` attachment fits, and that attachment closes the run.
struct SlackPacker {
    enum Item: Hashable {
        case block(SlackBlock)
        case attachment(SlackAttachment)

        var characterCount: Int {
            switch self {
            case .block(let block): return block.characterCount
            case .attachment(let attachment): return attachment.characterCount
            }
        }
    }

    var limits: SlackLimits
    var day: String
    var viewerLinked: Bool

    func pack(first: SlackMessage, groups: [[Item]]) -> [SlackMessage] {
        let groups = groups.map { $0.map(shrunk) }
        let items = groups.flatMap { $0 }
        var messages = [first]
        for group in groups {
            let current = messages[messages.count - 1]
            let holdsItems = current.blocks.count + current.attachments.count > (messages.count == 1 ? first.blocks.count : 1)
            if holdsItems, !fits(group, in: current), fits(group, in: continuation(1, of: 1)) {
                messages.append(continuation(1, of: 1))
            }
            for item in group {
                if !fits(item, in: messages[messages.count - 1]) {
                    messages.append(continuation(1, of: 1))
                }
                append(item, to: &messages[messages.count - 1])
            }
        }
        if messages.count > limits.messagesPerRun {
            messages = Array(messages.prefix(limits.messagesPerRun))
            let kept = messages.reduce(0) { $0 + $1.blocks.count + $1.attachments.count } - first.blocks.count - (messages.count - 1)
            var last = messages.removeLast()
            let more = { (count: Int) in self.moreAttachment(count) }
            var dropped = items.count - kept
            let openingBlocks = messages.isEmpty ? first.blocks.count : 1
            while !fits(.attachment(more(dropped)), in: last) {
                if !last.attachments.isEmpty {
                    last.attachments.removeLast()
                } else if last.blocks.count > openingBlocks {
                    last.blocks.removeLast()
                } else {
                    break
                }
                dropped += 1
            }
            last.attachments.append(more(dropped))
            messages.append(last)
        }
        let total = messages.count
        for index in messages.indices.dropFirst() {
            let marker = continuation(index + 1, of: total)
            messages[index].text = marker.text
            messages[index].blocks[0] = marker.blocks[0]
        }
        return messages
    }

    /// A continuation message's opening: text and a context line, `continued (k of n)`.
    /// Packing reserves room for the longest (k = n = messagesPerRun).
    func continuation(_ index: Int, of total: Int) -> SlackMessage {
        let (index, total) = index == 1 && total == 1 ? (limits.messagesPerRun, limits.messagesPerRun) : (index, total)
        let text = "Quality reports \(day), continued (\(index) of \(total))"
        return SlackMessage(text: text, blocks: [.context([.mrkdwn(text)])])
    }

    func moreAttachment(_ count: Int) -> SlackAttachment {
        let text = "… and \(count) more" + (viewerLinked ? " in the viewer" : "")
        return SlackAttachment(color: .muted, text: text, fallback: text)
    }

    func fits(_ item: Item, in message: SlackMessage) -> Bool {
        guard message.characterCount + item.characterCount <= limits.messageCharacters else { return false }
        switch item {
        case .block: return message.blocks.count < limits.blocksPerMessage
        case .attachment: return message.attachments.count < limits.attachmentsPerMessage
        }
    }

    /// `true` when every item of `group` fits `message`, one after the other.
    func fits(_ group: [Item], in message: SlackMessage) -> Bool {
        var message = message
        for item in group {
            guard fits(item, in: message) else { return false }
            append(item, to: &message)
        }
        return true
    }

    func append(_ item: Item, to message: inout SlackMessage) {
        switch item {
        case .block(let block): message.blocks.append(block)
        case .attachment(let attachment): message.attachments.append(attachment)
        }
    }

    /// An attachment too big for an empty continuation message loses fields from its end,
    /// then has its title and footer fitted to the text limit.
    func shrunk(_ item: Item) -> Item {
        guard case .attachment(var attachment) = item else { return item }
        let room = limits.messageCharacters - continuation(1, of: 1).characterCount
        while attachment.characterCount > room, !attachment.fields.isEmpty { attachment.fields.removeLast() }
        if attachment.characterCount > room {
            attachment.title = attachment.title.map { SlackText.fitted($0, limit: limits.textCharacters) }
            attachment.footer = attachment.footer.map { SlackText.fitted($0, limit: limits.textCharacters) }
        }
        return .attachment(attachment)
    }
}
