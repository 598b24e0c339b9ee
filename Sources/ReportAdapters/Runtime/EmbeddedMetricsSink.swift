import Foundation
import ReportKit

/// Writes metrics as CloudWatch Embedded Metric Format: one JSON object per line, which
/// CloudWatch Logs turns into metrics when the line reaches a Lambda's log.
///
///     {"Report":"region-slips","_aws":{"CloudWatchMetrics":[{"Dimensions":[["Report"]],
///      "Metrics":[{"Name":"slips_count","Unit":"Count"}],"Namespace":"ReportKit/Slips"}],
///      "Timestamp":1588305906000},"slips_count":1}
public struct EmbeddedMetricsSink: MetricsSink {
    /// Where the lines go.
    public enum Destination: Sendable, Hashable {
        case standardOutput
        case standardError
        /// Appended to this file, created when missing.
        case file(String)
    }

    public var destination: Destination

    public init(_ destination: Destination) {
        self.destination = destination
    }

    public func publish(_ batch: MetricBatch) async throws {
        let line = Data((JSONWriter.compact(Self.document(batch)) + "\n").utf8)
        switch destination {
        case .standardOutput: FileHandle.standardOutput.write(line)
        case .standardError: FileHandle.standardError.write(line)
        case .file(let path):
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil) else {
                    throw MetricsFileError(path: path)
                }
            }
            guard let handle = FileHandle(forWritingAtPath: path) else { throw MetricsFileError(path: path) }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        }
    }

    /// The EMF document for `batch`.
    public static func document(_ batch: MetricBatch) -> JSONValue {
        var root = JSONObject()
        for (name, value) in batch.dimensions { root[name] = .string(value) }
        for entry in batch.values { root[entry.name] = .number(entry.value) }
        let directive: JSONValue = [
            "Namespace": .string(batch.namespace),
            "Dimensions": .array([.array(batch.dimensions.keys.sorted().map { .string($0) })]),
            "Metrics": .array(batch.values.map { ["Name": .string($0.name), "Unit": "Count"] }),
        ]
        root["_aws"] = [
            "Timestamp": .number((batch.timestamp.timeIntervalSince1970 * 1000).rounded(.down)),
            "CloudWatchMetrics": [directive],
        ]
        return .object(root)
    }
}

/// The metrics file could not be opened for appending.
public struct MetricsFileError: Error, Sendable, CategorizedError, CustomStringConvertible {
    public var path: String
    public var category: ErrorCategory { .outsideSystem }
    public var description: String { "cannot append metrics to \(path)" }
}
