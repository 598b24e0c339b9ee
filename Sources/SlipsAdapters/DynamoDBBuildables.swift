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
        guard let item = answer["Item"] else { return nil }
        return BuildableItem(try DynamoDBJSON.item(item))
    }

    public func items(artifact: String) async throws -> [BuildableItem] {
        try await query(artifact: artifact, index: nil)
    }

    public func plannedItems(artifact: String) async throws -> [BuildableItem] {
        try await query(artifact: artifact, index: planIndex)
    }

    public func update(artifact: String, instance: String, set attributes: JSONObject) async throws {
        var names: JSONObject = [:]
        var values: JSONObject = [:]
        var assignments: [String] = []
        for (position, member) in attributes.enumerated() {
            names["#n\(position)"] = .string(member.key)
            values[":v\(position)"] = DynamoDBJSON.encode(member.value)
            assignments.append("#n\(position) = :v\(position)")
        }
        _ = try await call("UpdateItem", [
            "TableName": .string(table),
            "Key": ["artifact": ["S": .string(artifact)], "instance": ["S": .string(instance)]],
            "UpdateExpression": .string("SET " + assignments.joined(separator: ", ")),
            "ExpressionAttributeNames": .object(names), "ExpressionAttributeValues": .object(values),
        ])
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
