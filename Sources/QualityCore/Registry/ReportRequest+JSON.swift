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
