import Foundation
import ReportAdapters
import ReportKit

/// The run's Slack publisher from its options: an incoming webhook, or the Web API with a
/// bot token and channel IDs, or none. The webhook URL and the token are secrets: they are
/// added to `logger`'s redactions and appear in no message.
enum SlackPublishers {
    struct Choice {
        var webhook: String?
        var token: String?
        var channels: [String]
        var apiURL: String?
    }

    /// `nil` when neither a webhook nor a token is given.
    ///
    /// - Throws: ``UsageError`` for a webhook and a token together, a token without channels,
    ///   or a URL that is not http(s).
    static func publisher(_ choice: Choice, command: String, logger: inout Logger) throws(UsageError) -> (any MessagePublisher)? {
        if let webhook = choice.webhook { logger.redacting(webhook) }
        if let token = choice.token { logger.redacting(token) }
        switch (choice.webhook, choice.token) {
        case (nil, nil):
            guard choice.channels.isEmpty else {
                throw UsageError(command: command, "--slack-channel needs --slack-token (or $REPORTKIT_SLACK_TOKEN): channels are for the Web API")
            }
            return nil
        case (_?, _?):
            throw UsageError(command: command, "give a Slack webhook or a Slack token, not both")
        case (let webhook?, nil):
            guard let url = webURL(webhook) else {
                throw UsageError(command: command, "the Slack webhook must be an http(s) URL (it is not shown here: it is a secret)")
            }
            return SlackWebhookPublisher(url: url, logger: logger)
        case (nil, let token?):
            guard !choice.channels.isEmpty else {
                throw UsageError(command: command, "a Slack token needs at least one --slack-channel ID (C0123…)")
            }
            var base = SlackWebAPIPublisher.slackBaseURL
            if let api = choice.apiURL {
                guard let url = webURL(api.hasSuffix("/") ? api : api + "/") else {
                    throw UsageError(command: command, "--slack-api-url must be an http(s) URL, got '\(api)'")
                }
                base = url
            }
            return SlackWebAPIPublisher(token: token, channels: choice.channels, baseURL: base, logger: logger)
        }
    }

    static func webURL(_ text: String) -> URL? {
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), let url = URL(string: text), url.host?.isEmpty == false else { return nil }
        return url
    }
}
