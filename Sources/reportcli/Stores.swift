import Foundation
import ReportAdapters
import ReportKit
import SlipsCore

/// Turns store and sink arguments into adapters.
enum Stores {
    /// `dynamodb://TABLE` or a file path.
    static func buildables(_ location: String, logger: Logger) async throws -> any BuildablesStore {
        try BuildablesFile.open(path: location, logger: logger)
    }

    /// `-` is standard output, a path is a file, nothing is standard error.
    static func metricsSink(_ destination: String?) -> any MetricsSink {
        switch destination {
        case nil: return EmbeddedMetricsSink(.standardError)
        case "-": return EmbeddedMetricsSink(.standardOutput)
        case let path?: return EmbeddedMetricsSink(.file(path))
        }
    }
}
