import ReportKit

extension RegistryParser {
    /// A report's request metadata (``ReportRequest``).
    ///
    ///     request := { stakeholder: TEXT, contact: EMAIL|URL, source: TEXT | { name: TEXT, database?: TEXT, production?: BOOL },
    ///                  ticket?: URL|TEXT, requested: YYYY-MM-DD, reviewer?: TEXT }
    mutating func request(_ node: RegistryNode, _ path: FieldPath) -> ReportRequest? {
        guard let found = members(
            node, path, allowed: ["stakeholder", "contact", "source", "ticket", "requested", "reviewer"],
            required: ["stakeholder", "contact", "source", "requested"])
        else { return nil }
        let stakeholder = found["stakeholder"].flatMap { text($0, path.key("stakeholder")) }
        let contact = found["contact"].flatMap { value($0, path.key("contact")) { text throws(RegistryProblem) in try ReportRequest.Contact(text) } }
        let source = found["source"].flatMap { requestSource($0, path.key("source")) }
        let requested = found["requested"].flatMap { value($0, path.key("requested")) { text throws(RegistryProblem) in try CalendarDay(text) } }
        var ok = true
        var ticket: ReportRequest.Ticket?
        if let node = found["ticket"] {
            ticket = value(node, path.key("ticket")) { text throws(RegistryProblem) in try ReportRequest.Ticket(text) }
            ok = ticket != nil
        }
        var reviewer: String?
        if let node = found["reviewer"] {
            reviewer = text(node, path.key("reviewer"))
            ok = ok && reviewer != nil
        }
        guard ok, let stakeholder, let contact, let source, let requested else { return nil }
        return ReportRequest(stakeholder: stakeholder, contact: contact, source: source, ticket: ticket, requested: requested, reviewer: reviewer)
    }

    /// The request's data source; `production: true` is allowed with a warning.
    mutating func requestSource(_ node: RegistryNode, _ path: FieldPath) -> RequestSource? {
        if case .scalar = node.content {
            return text(node, path).map { RequestSource(name: $0) }
        }
        guard let found = members(node, path, allowed: ["name", "database", "production"], required: ["name"], what: "a source (a name, or a mapping with name)"),
            let nameNode = found["name"]
        else { return nil }
        let name = text(nameNode, path.key("name"))
        var ok = true
        var database: String?
        if let node = found["database"] {
            database = text(node, path.key("database"))
            ok = database != nil
        }
        var production = false
        if let node = found["production"] {
            if let value = bool(node, path.key("production")) {
                production = value
                if value {
                    warn(node, path.key("production"), "'\(name ?? "the source")' is a production database; point reports at a non-production source such as a read-only follower")
                }
            } else {
                ok = false
            }
        }
        guard ok, let name else { return nil }
        return RequestSource(name: name, database: database, production: production)
    }
}
