import Foundation
import ReportKit

extension SlackDigest {
    /// What one run tells Slack: plain values, filled in by the run from its manifest.
    public struct Input: Sendable, Hashable {
        /// The run's day (its UTC date is what the message shows and links to).
        public var date: Date
        /// The viewer's address; the message links to the run at `{viewerURL}#YYYY-MM-DD`.
        public var viewerURL: String?
        /// The reports in run order.
        public var reports: [Report]

        public init(date: Date, viewerURL: String? = nil, reports: [Report]) {
            self.date = date
            self.viewerURL = viewerURL
            self.reports = reports
        }
    }

    /// How a report ended: the run's own ``ReportStatus``.
    public typealias Status = ReportStatus

    /// One report's part of the message.
    public struct Report: Sendable, Hashable {
        public var name: String
        public var status: Status
        /// The attachments the report returned, in its order.
        public var attachments: [SlackAttachment]
        /// The error of a failed report; the message shows its first line.
        public var error: String?
        public var request: Request?

        public init(name: String, status: Status, attachments: [SlackAttachment] = [], error: String? = nil, request: Request? = nil) {
            self.name = name
            self.status = status
            self.attachments = attachments
            self.error = error
            self.request = request
        }
    }

    /// Who asked for a report and where the request is tracked.
    public struct Request: Sendable, Hashable {
        public var stakeholder: String?
        public var contact: String?
        /// A URL (shown as a link) or a ticket name.
        public var ticket: String?

        public init(stakeholder: String? = nil, contact: String? = nil, ticket: String? = nil) {
            self.stakeholder = stakeholder
            self.contact = contact
            self.ticket = ticket
        }
    }
}
