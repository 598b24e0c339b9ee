/// Who asked for a report and how it is run, as the team's request process records it: the
/// stakeholder and how to reach them, the data source (a non-production one, such as a
/// read-only follower), the ticket, the day it was requested and who reviewed it.
///
/// ```yaml
/// request:
///   stakeholder: Jane Doe
///   contact: jane@example.org          # an email address or an http(s) URL
///   source: {name: dataservice follower, database: dataservice, production: false}
///   ticket: https://tracker.example.org/issues/12   # a URL, or text such as DATA-12
///   requested: 2024-02-01
///   reviewer: Sam Lee
/// ```
/// `stakeholder`, `contact`, `source.name` and `requested` are required; the others optional.
public struct ReportRequest: Sendable, Hashable {
    public var stakeholder: String
    public var contact: Contact
    public var source: RequestSource
    public var ticket: Ticket?
    public var requested: CalendarDay
    public var reviewer: String?

    public init(stakeholder: String, contact: Contact, source: RequestSource, ticket: Ticket? = nil, requested: CalendarDay, reviewer: String? = nil) {
        self.stakeholder = stakeholder
        self.contact = contact
        self.source = source
        self.ticket = ticket
        self.requested = requested
        self.reviewer = reviewer
    }

    /// How to reach the stakeholder.
    public enum Contact: Sendable, Hashable, CustomStringConvertible {
        case email(String)
        case url(String)

        /// `text` as an email address (`local@domain.tld`, no spaces) or an `http(s)://` URL with a host.
        public init(_ text: String) throws(RegistryProblem) {
            if let url = WebAddress(text) {
                self = .url(url.text)
            } else if Self.isEmail(text) {
                self = .email(text)
            } else {
                throw RegistryProblem("'\(text)' is neither an email address (name@example.org) nor an http(s) URL")
            }
        }

        static func isEmail(_ text: String) -> Bool {
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," }) else { return false }
            let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
        }

        public var description: String {
            switch self {
            case .email(let text), .url(let text): return text
            }
        }
    }

    /// The request's ticket: a link, or an identifier in words (`DATA-12`).
    public enum Ticket: Sendable, Hashable, CustomStringConvertible {
        case url(String)
        case text(String)

        /// A URL when `text` has a scheme (it must then be a valid http(s) URL), else text.
        public init(_ text: String) throws(RegistryProblem) {
            if text.contains("://") {
                guard let url = WebAddress(text) else { throw RegistryProblem("'\(text)' is not an http(s) URL with a host") }
                self = .url(url.text)
            } else {
                self = .text(text)
            }
        }

        public var description: String {
            switch self {
            case .url(let text), .text(let text): return text
            }
        }
    }
}

/// The data source a request names.
public struct RequestSource: Sendable, Hashable {
    /// Its name in words (`dataservice follower`).
    public var name: String
    /// The database on it, when it has several.
    public var database: String?
    /// Whether it is a production database (a warning: point reports at a follower).
    public var production: Bool

    public init(name: String, database: String? = nil, production: Bool = false) {
        self.name = name
        self.database = database
        self.production = production
    }
}

/// An `http://` or `https://` URL with a non-empty host and no spaces.
struct WebAddress {
    let text: String

    init?(_ text: String) {
        let lowered = text.lowercased()
        guard let rest = lowered.dropPrefix("https://") ?? lowered.dropPrefix("http://") else { return nil }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, !text.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.value < 0x20 } }) else { return nil }
        self.text = text
    }
}
