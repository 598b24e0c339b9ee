import Foundation
import ReportAdapters
import ReportKit
import SlipsCore

/// The buildables table in DynamoDB, as the original Lambda keeps it: hash key `artifact`,
/// range key `instance`, and the secondary index `artifact-plan-index` (hash `artifact`,
/// range `plan`) that holds only items with a `plan`.
///
/// Queries follow `LastEvaluatedKey` to the last page; items come back as the same plain
/// values a buildables file gives.
public struct DynamoDBBuildables: BuildablesStore {
    public var table: String
    public var client: AWSClient
    /// The secondary index for ``plannedItems(artifact:)``.
    public var planIndex = "artifact-plan-index"

    /// The items as ``item(artifact:instance:)`` last read them, for the conditional update.
    private let read = ReadItems()

    public init(table: String, client: AWSClient) {
        self.table = table
        self.client = client
    }

    /// The table named by `dynamodb://TABLE`.
    ///
    /// - Throws: ``AWSConfigurationError`` (bad input) when `url` is not of that form.
    public static func tableName(url: String) throws(AWSConfigurationError) -> String {
        let table = String(url.dropFirst("dynamodb://".count))
        guard url.hasPrefix("dynamodb://"), !table.isEmpty, !table.contains("/") else {
            throw AWSConfigurationError("expected dynamodb://TABLE, got \(url)")
        }
        return table
    }

    public func item(artifact: String, instance: String) async throws -> BuildableItem? {
        let answer = try await call("GetItem", [
            "TableName": .string(table), "ConsistentRead": true,
            "Key": ["artifact": ["S": .string(artifact)], "instance": ["S": .string(instance)]],
        ])
        guard let item = answer["Item"] else {
            read.remember(nil, artifact: artifact, instance: instance)
            return nil
        }
        let found = BuildableItem(try DynamoDBJSON.item(item))
        read.remember(found.attributes, artifact: artifact, instance: instance)
        return found
    }

    public func items(artifact: String) async throws -> [BuildableItem] {
        try await query(artifact: artifact, index: nil)
    }

    public func plannedItems(artifact: String) async throws -> [BuildableItem] {
        try await query(artifact: artifact, index: planIndex)
    }

    /// Sets `attributes` on the item with one `UpdateItem`. When this store read the item
    /// before (``item(artifact:instance:)``: the cutoff), the update is conditional on each
    /// attribute still holding the value read (or still being absent), so a run never
    /// overwrites a cutoff another run wrote meanwhile.
    ///
    /// - Throws: ``BuildablesChangedError`` (exit 3) when the condition fails; the item is
    ///   then unchanged. ``AWSServiceError`` for other failures.
    public func update(artifact: String, instance: String, set attributes: JSONObject) async throws {
        var names: JSONObject = [:]
        var values: JSONObject = [:]
        var assignments: [String] = []
        var conditions: [String] = []
        let before = read.item(artifact: artifact, instance: instance)
        for (position, member) in attributes.enumerated() {
            names["#n\(position)"] = .string(member.key)
            values[":v\(position)"] = DynamoDBJSON.encode(member.value)
            assignments.append("#n\(position) = :v\(position)")
            guard let before else { continue }
            if let old = before?[member.key] {
                values[":o\(position)"] = DynamoDBJSON.encode(old)
                conditions.append("#n\(position) = :o\(position)")
            } else {
                conditions.append("attribute_not_exists(#n\(position))")
            }
        }
        var body: JSONObject = [
            "TableName": .string(table),
            "Key": ["artifact": ["S": .string(artifact)], "instance": ["S": .string(instance)]],
            "UpdateExpression": .string("SET " + assignments.joined(separator: ", ")),
            "ExpressionAttributeNames": .object(names), "ExpressionAttributeValues": .object(values),
        ]
        if !conditions.isEmpty { body["ConditionExpression"] = .string(conditions.joined(separator: " AND ")) }
        do {
            _ = try await call("UpdateItem", .object(body))
        } catch let error as AWSServiceError where error.code == "ConditionalCheckFailedException" {
            throw BuildablesChangedError(table: table, artifact: artifact, instance: instance)
        }
    }

    /// Every item with this `artifact`, page after page.
    private func query(artifact: String, index: String?) async throws -> [BuildableItem] {
        var items: [BuildableItem] = []
        var startKey: JSONValue?
        repeat {
            var request: JSONObject = [
                "TableName": .string(table), "KeyConditionExpression": "#a = :a",
                "ExpressionAttributeNames": ["#a": "artifact"], "ExpressionAttributeValues": [":a": ["S": .string(artifact)]],
            ]
            if let index { request["IndexName"] = .string(index) }
            if let startKey { request["ExclusiveStartKey"] = startKey }
            let answer = try await call("Query", .object(request))
            for item in answer["Items"]?.arrayValue ?? [] { items.append(BuildableItem(try DynamoDBJSON.item(item))) }
            startKey = answer["LastEvaluatedKey"]
        } while startKey != nil
        return items
    }

    /// One DynamoDB API call.
    private func call(_ operation: String, _ body: JSONValue) async throws -> JSONValue {
        try await DynamoDBClient(client: client).call(operation, body)
    }
}

/// What ``DynamoDBBuildables`` read of each item it looked up: `.some(nil)` for an item
/// that was absent.
private final class ReadItems: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String: JSONObject?] = [:]

    func remember(_ attributes: JSONObject?, artifact: String, instance: String) {
        lock.withLock { items[artifact + "\u{0}" + instance] = .some(attributes) }
    }

    /// `nil` when the item was never read; `.some(nil)` when it was read and absent.
    func item(artifact: String, instance: String) -> JSONObject?? {
        lock.withLock { items[artifact + "\u{0}" + instance] }
    }
}

/// Another run changed the item between this run's read and its update (exit 3): the update
/// was not made.
public struct BuildablesChangedError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var table: String
    public var artifact: String
    public var instance: String
    public var category: ErrorCategory { .outsideSystem }
    public var description: String {
        "dynamodb://\(table): item \(artifact) '\(instance)' changed while the report ran (another run?); not overwritten"
    }
}
