import Foundation
import ReportKit

/// DynamoDB's JSON 1.0 protocol over an ``AWSClient``: one operation, a JSON request body,
/// the JSON answer.
public struct DynamoDBClient: Sendable {
    public var client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// Calls `operation` (`Query`, `GetItem`, `UpdateItem`, …) with `body`.
    ///
    /// - Throws: ``AWSServiceError`` when DynamoDB refuses, ``DynamoDBFormatError`` when the
    ///   answer is not JSON, a transport error when none arrived.
    public func call(_ operation: String, _ body: JSONValue) async throws -> JSONValue {
        let response = try await client.send(
            operation, method: "POST", path: "/",
            headers: [("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "DynamoDB_20120810.\(operation)")],
            body: Data(JSONWriter.compact(body).utf8))
        do {
            return try JSONReader.parse([UInt8](response.body))
        } catch {
            throw DynamoDBFormatError("\(operation) answered with invalid JSON (\(error.message))")
        }
    }
}
