import Foundation

/// Named numbers a run reports about itself (`message_send_success`, `slips_count`).
public struct MetricBatch: Sendable, Hashable {
    /// The metrics namespace (CloudWatch's grouping), e.g. `ReportKit/Slips`.
    public var namespace: String
    /// Dimensions shared by every value, e.g. `["Report": "region-slips"]`.
    public var dimensions: [String: String]
    /// The values, in the order they were recorded.
    public var values: [(name: String, value: Double)]
    /// When the values were measured.
    public var timestamp: Date

    public init(
        namespace: String, dimensions: [String: String] = [:],
        values: [(name: String, value: Double)] = [], timestamp: Date
    ) {
        self.namespace = namespace
        self.dimensions = dimensions
        self.values = values
        self.timestamp = timestamp
    }

    /// The value named `name`, if recorded.
    public func value(_ name: String) -> Double? {
        values.first { $0.name == name }?.value
    }

    /// Sets `name` to `value`, keeping its first position.
    public mutating func set(_ name: String, _ value: Double) {
        if let index = values.firstIndex(where: { $0.name == name }) {
            values[index].value = value
        } else {
            values.append((name, value))
        }
    }

    public static func == (lhs: MetricBatch, rhs: MetricBatch) -> Bool {
        lhs.namespace == rhs.namespace && lhs.dimensions == rhs.dimensions
            && lhs.timestamp == rhs.timestamp
            && lhs.values.map(\.name) == rhs.values.map(\.name)
            && lhs.values.map(\.value) == rhs.values.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(namespace)
        hasher.combine(values.map(\.name))
    }
}

/// Where a run's metrics go: CloudWatch Embedded Metric Format lines in production.
public protocol MetricsSink: Sendable {
    func publish(_ batch: MetricBatch) async throws
}
