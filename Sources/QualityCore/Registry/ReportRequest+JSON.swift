import ReportKit

extension ReportRequest {
    /// The request as the listing, the run manifest and a report's files carry it:
    ///
    ///     {"contact": {"kind": "email", "value": "jane@example.org"}, "requested": "2024-02-01",
    ///      "reviewer": null, "source": {"database": "clinic", "name": "clinic follower", "production": false},
    ///      "stakeholder": "Jane Doe", "ticket": "https://…"}
    public var json: JSONValue {
        let request = self
        var source: [JSONObject.Member] = [
            JSONObject.Member(key: "name", value: .string(request.source.name)),
            JSONObject.Member(key: "production", value: .bool(request.source.production)),
        ]
        if let database = request.source.database { source.append(JSONObject.Member(key: "database", value: .string(database))) }
        let contactKind: String
        switch request.contact {
        case .email: contactKind = "email"
        case .url: contactKind = "url"
        }
        return [
            "stakeholder": .string(request.stakeholder),
            "contact": ["kind": .string(contactKind), "value": .string(request.contact.description)],
            "source": .object(JSONObject(uniqueMembers: source)),
            "ticket": request.ticket.map { .string($0.description) } ?? .null,
            "requested": .string(request.requested.description),
            "reviewer": request.reviewer.map(JSONValue.string) ?? .null,
        ]
    }
}

extension ReportRequest {
    /// Reads a request back from ``json`` (a stored manifest): the same rules as the reports
    /// file, so a manifest can't carry a request a reports file could not.
    public init(json: JSONValue) throws(RegistryProblem) {
        guard let object = json.objectValue else { throw RegistryProblem("expected an object, found \(json.kindDescription)") }
        func text(_ value: JSONValue?, _ name: String) throws(RegistryProblem) -> String {
            guard let text = value?.stringValue else { throw RegistryProblem("\(name): expected a string") }
            return text
        }
        func optional(_ value: JSONValue?, _ name: String) throws(RegistryProblem) -> String? {
            guard let value, !value.isNull else { return nil }
            return try text(value, name)
        }
        guard let source = object["source"]?.objectValue else { throw RegistryProblem("source: expected an object") }
        self.init(
            stakeholder: try text(object["stakeholder"], "stakeholder"),
            contact: try Contact(text(object["contact"]?["value"], "contact.value")),
            source: RequestSource(
                name: try text(source["name"], "source.name"), database: try optional(source["database"], "source.database"),
                production: source["production"]?.boolValue ?? false),
            ticket: try optional(object["ticket"], "ticket").map { (text) throws(RegistryProblem) in try Ticket(text) },
            requested: try CalendarDay(text(object["requested"], "requested")),
            reviewer: try optional(object["reviewer"], "reviewer"))
    }
}
