import ReportKit

/// A service without a valid plan in some of the regions considered.
public struct UnplannedService: Sendable, Hashable {
    /// One region the service has no valid plan for.
    public struct Region: Sendable, Hashable {
        public var code: String
        /// The current plan's note, when the region has a current plan item with one.
        public var note: JSONValue?
        public var updated: JSONValue?
        public var updater: JSONValue?
    }

    public var ripName: String
    public var namePretty: JSONValue
    /// `true` when at least one of the regions has a non-empty note: the payload then lists
    /// note, updated and updater per region instead of a comma-separated list.
    public var hasNotes: Bool
    /// The regions, sorted by code point.
    public var regions: [Region]

    /// The services of `catalog` lacking a valid plan in some region, sorted by display name
    /// (code points, stable).
    public static func list(in catalog: ServiceCatalog) throws(SlipsError) -> [UnplannedService] {
        var unplanned: [UnplannedService] = []
        for service in catalog.services {
            let missing = catalog.regions.filter { region in
                guard let plan = service.plans[region] else { return true }
                return !PlanRecord.isValid(plan)
            }
            guard !missing.isEmpty else { continue }
            var regions: [Region] = []
            for code in missing {
                let plan = service.plans[code]
                let updated = try plan?.optionalInstant("updated").map { JSONValue.string(Timestamp.day($0)) }
                regions.append(Region(
                    code: code, note: plan?["note"], updated: updated, updater: Updater.shown(plan?["updater"])))
            }
            let hasNotes = regions.contains { region in
                if case .string(let note)? = region.note { return !note.isEmpty }
                return false
            }
            unplanned.append(UnplannedService(
                ripName: service.ripName, namePretty: service.namePretty, hasNotes: hasNotes, regions: regions))
        }
        // Positions sorted, not the entries: a sort moves its elements many times, and an
        // entry's texts and lists are retained and released at every move.
        return unplanned.indices.sortedByCodePoints { unplanned[$0].namePretty.sortKey }.map { unplanned[$0] }
    }

    /// The entry in the payload's `unplanned` list.
    public var payload: JSONValue {
        let last = regions.count - 1
        let listed: [JSONValue] = regions.enumerated().map { offset, region in
            if hasNotes {
                return .object(JSONObject([
                    .init(key: "note", value: region.note ?? .null),
                    .init(key: "region", value: .string(region.code)),
                    .init(key: "updated", value: region.updated ?? .null),
                    .init(key: "updater", value: region.updater ?? .null),
                ]))
            }
            return .object(JSONObject([
                .init(key: "region", value: .string(region.code)),
                .init(key: "separator", value: .string(offset < last ? "," : "")),
            ]))
        }
        return .object(JSONObject([
            .init(key: "has_notes", value: .bool(hasNotes)),
            .init(key: "name_pretty", value: namePretty),
            .init(key: "name_rip", value: .string(ripName)),
            .init(key: "regions", value: .array(listed)),
        ]))
    }
}

extension UnplannedService {
    /// Writes ``payload`` as an element of the open list, member by member (no tree).
    func write(to stream: inout CanonicalJSONStream) throws {
        try stream.openObject()
        try stream.key(plain: "has_notes")
        try stream.value(.bool(hasNotes))
        try stream.key(plain: "name_pretty")
        try stream.value(namePretty)
        try stream.key(plain: "name_rip")
        try stream.value(.string(ripName))
        try stream.key(plain: "regions")
        try stream.openArray()
        for (offset, region) in regions.enumerated() {
            try stream.openObject()
            if hasNotes {
                try stream.key(plain: "note")
                try stream.value(region.note ?? .null)
                try stream.key(plain: "region")
                try stream.value(.string(region.code))
                try stream.key(plain: "updated")
                try stream.value(region.updated ?? .null)
                try stream.key(plain: "updater")
                try stream.value(region.updater ?? .null)
            } else {
                try stream.key(plain: "region")
                try stream.value(.string(region.code))
                try stream.key(plain: "separator")
                try stream.value(.string(offset < regions.count - 1 ? "," : ""))
            }
            try stream.close()
        }
        try stream.close()
        try stream.close()
    }
}

extension JSONValue {
    /// The text a display name sorts by: the string itself; other values by their kind.
    var sortKey: String {
        if case .string(let text) = self { return text }
        return ""
    }
}
