import ReportKit

/// Where the buildables table lives: a YAML/JSON file or a DynamoDB table.
///
/// Shaped after the table's access paths so a DynamoDB adapter maps one call to one
/// request (paginated). A conforming store must:
/// - return items of exactly the asked artifact, each with string `artifact` and `instance`;
/// - return ``plannedItems(artifact:)`` only for items that have a `plan` attribute (the
///   `artifact-plan-index` secondary index holds no others);
/// - change nothing but the named attributes of the named item in ``update(artifact:instance:set:)``,
///   atomically, creating the item when it does not exist.
public protocol BuildablesStore: Sendable {
    /// The item with this key, or `nil` (GetItem).
    func item(artifact: String, instance: String) async throws -> BuildableItem?
    /// ``item(artifact:instance:)``, told that the item is likely stored near `neighbor` (an
    /// item this store returned): a plan's versions are usually stored together. Only a place
    /// to look first; the answer is the same. By default the hint is not used.
    func item(artifact: String, instance: String, near neighbor: BuildableItem) async throws -> BuildableItem?
    /// Every item of `artifact` (Query on the table's hash key).
    func items(artifact: String) async throws -> [BuildableItem]
    /// Every item of `artifact` that has a `plan` attribute (Query on `artifact-plan-index`).
    func plannedItems(artifact: String) async throws -> [BuildableItem]
    /// Sets `attributes` on the item, keeping its other attributes (UpdateItem).
    func update(artifact: String, instance: String, set attributes: JSONObject) async throws
}

extension BuildablesStore {
    public func item(artifact: String, instance: String, near neighbor: BuildableItem) async throws -> BuildableItem? {
        try await item(artifact: artifact, instance: instance)
    }
}
