import ReportKit

/// A service the report covers, with its current plan in each region.
public struct TrackedService: Sendable, Hashable {
    /// The service's short name: its instance before the first `:`.
    public var ripName: String
    /// The current (`v0`) service metadata item.
    public var metadata: BuildableItem
    /// The current (`v0`) plan item per region code.
    public var plans: [String: BuildableItem]

    /// The display name: the first of `name_sortable`, `name_sales`, `name_marketing`,
    /// `name_long` that the metadata has (even when empty), else the rip name.
    public var namePretty: JSONValue {
        for field in ["name_sortable", "name_sales", "name_marketing", "name_long"] {
            if let value = metadata[field] { return value }
        }
        return .string(ripName)
    }
}

/// The services structure every later step reads: which services, which regions, which plans.
public struct ServiceCatalog: Sendable, Hashable {
    /// Services in the order the plan index returns them: by (`plan`, `instance`).
    public var services: [TrackedService]
    /// The regions considered, sorted by code point: those the services' plans mention.
    public var regions: [String]

    /// Builds the catalog from the `SERVICE` items of the plan index.
    ///
    /// Only current items (`version_instance` 0) count. An item with
    /// `belongs_to_artifact: REGION` is a plan, any other is a service. A plan belongs to the
    /// service whose rip name starts its instance (not to the one its `plan` value names) and is
    /// dropped when that service is not listed or its region has not launched. When two items
    /// claim the same service or the same service and region, the later one in index order wins.
    ///
    /// - Throws: ``SlipsError/badItem(_:_:field:problem:)`` for an item without `instance` or
    ///   `version_instance`, a plan without `version_latest` or `belongs_to_instance`, or a plan
    ///   with an unreadable `date` or `updated`.
    public static func build(
        plannedItems: [BuildableItem], unlaunched: Set<String>, logger: Logger
    ) throws(SlipsError) -> ServiceCatalog {
        let ordered = try indexOrder(try currentItems(plannedItems[...]))
        try validatePlans(ordered[...])
        return try assemble(ordered, unlaunched: unlaunched, logger: logger)
    }

    /// The current items (`version_instance` 0), in order.
    private static func currentItems(_ items: ArraySlice<BuildableItem>) throws(SlipsError) -> [BuildableItem] {
        var current: [BuildableItem] = []
        for item in items where try item.isCurrentVersion() { current.append(item) }
        return current
    }

    /// `true` for a plan item: one with `belongs_to_artifact: REGION`.
    private static func isPlan(_ item: BuildableItem) -> Bool {
        item["belongs_to_artifact"]?.stringValue == "REGION"
    }

    /// Checks every plan among `items` (``PlanRecord/validate(_:)``), in order.
    private static func validatePlans(_ items: ArraySlice<BuildableItem>) throws(SlipsError) {
        for item in items where isPlan(item) { try PlanRecord.validate(item) }
    }

    /// The catalog of `ordered` (current items in index order, plans validated).
    private static func assemble(_ ordered: [BuildableItem], unlaunched: Set<String>, logger: Logger) throws(SlipsError) -> ServiceCatalog {
        var services: [TrackedService] = []
        var position: [String: Int] = [:]
        var plans: [BuildableItem] = []
        for item in ordered {
            if isPlan(item) {
                plans.append(item)
                continue
            }
            let rip = item.instancePrefix
            if let index = position[rip] {
                services[index].metadata = item
            } else {
                position[rip] = services.count
                services.append(TrackedService(ripName: rip, metadata: item, plans: [:]))
            }
        }

        var regions = Set<String>()
        for plan in plans {
            let region = try plan.requiredString("belongs_to_instance")
            if unlaunched.contains(region) {
                logger.debug("\(plan.instance): region \(region) has not launched; plan dropped")
                continue
            }
            let rip = plan.instancePrefix
            guard let index = position[rip] else {
                logger.debug("\(plan.instance): no service '\(rip)' with a plan; plan ignored")
                continue
            }
            services[index].plans[region] = plan
            regions.insert(region)
        }
        return ServiceCatalog(services: services, regions: regions.sortedByCodePoints { $0 })
    }

    /// The items sorted as the plan index returns them: by `plan`, then `instance`, in
    /// code-point order. Each must have a text `instance` and `plan`.
    static func indexOrder(_ items: [BuildableItem]) throws(SlipsError) -> [BuildableItem] {
        var plans: [String] = []
        var instances: [String] = []
        plans.reserveCapacity(items.count)
        instances.reserveCapacity(items.count)
        for item in items {
            plans.append(try item.requiredString("plan"))
            instances.append(try item.requiredString("instance"))
        }
        // Sorting small keys, not items: the plan's rank among the distinct plans (few), then
        // the instance's first 16 bytes as two integers; only equal heads compare whole texts.
        // Plans are told apart by their bytes, as the index does: Swift's `==` would merge
        // canonically equal texts (`é` and `e` + U+0301) that the index keeps apart.
        let distinctPlans = Set(plans.map(ExactText.init)).sorted { $0.text.compareByCodePoints($1.text) < 0 }
        var rank: [ExactText: Int] = Dictionary(minimumCapacity: distinctPlans.count)
        for (position, plan) in distinctPlans.enumerated() { rank[plan] = position }
        var keys = items.indices.map { position in
            IndexKey(plan: rank[ExactText(plans[position])]!, head: CodePointHead(instances[position]), position: position)
        }
        keys.sort { lhs, rhs in
            if lhs.plan != rhs.plan { return lhs.plan < rhs.plan }
            if lhs.head != rhs.head { return lhs.head < rhs.head }
            let order = instances[lhs.position].compareByCodePoints(instances[rhs.position])
            return order != 0 ? order < 0 : lhs.position < rhs.position
        }
        return keys.map { items[$0.position] }
    }

    /// A text that equals and hashes by its UTF-8 bytes, not by canonical equivalence.
    private struct ExactText: Hashable {
        var text: String
        init(_ text: String) { self.text = text }
        static func == (lhs: ExactText, rhs: ExactText) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }
        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// An item's place in ``indexOrder(_:)``.
    private struct IndexKey {
        var plan: Int
        var head: CodePointHead
        var position: Int
    }
}
