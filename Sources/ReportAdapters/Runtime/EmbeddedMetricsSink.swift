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
        // The throwing write: `FileHandle.write(_:)` stops the process on a full disk.
        case .standardOutput: try FileHandle.standardOutput.write(contentsOf: line)
        case .standardError: try FileHandle.standardError.write(contentsOf: line)
        case .file(let path):
            let descriptor = try Self.openForAppending(path)
            defer { close(descriptor) }
            let failed = line.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { return true }
                    offset += written
                }
                return false
            }
            if failed { throw MetricsFileError(path: path) }
        }
    }

    /// Checks, before a run does anything, that the destination can take lines: a file path
    /// must name a regular file (or a character device such as `/dev/null`), or nothing yet.
    ///
    /// - Throws: ``FileAccessError`` (bad input: exit 2) for a FIFO, socket, directory or
    ///   block device, which would block the run or never take the lines.
    public func check() throws {
        guard case .file(let path) = destination else { return }
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        try Self.refuseIrregular(status, path: path)
    }

    /// A descriptor appending to `path` (created 0644 when missing), opened without blocking
    /// and checked with `fstat`: no wait for a FIFO's reader, no race with the check.
    static func openForAppending(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else {
            if errno == ENXIO { throw FileAccessError(path: path, problem: "not a regular file (a FIFO)", category: .badInput) }
            throw MetricsFileError(path: path)
        }
        var status = stat()
        do {
            guard fstat(descriptor, &status) == 0 else { throw MetricsFileError(path: path) }
            try refuseIrregular(status, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return descriptor
    }

    private static func refuseIrregular(_ status: stat, path: String) throws {
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFCHR else {
            throw FileAccessError(path: path, problem: "not a regular file", category: .badInput)
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
