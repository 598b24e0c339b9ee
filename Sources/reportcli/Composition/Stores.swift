import Foundation
import ReportAdapters
import ReportKit
import SlipsAdapters
import SlipsCore

/// Turns store and sink arguments into adapters.
enum Stores {
    /// `dynamodb://TABLE` or a file path; `forUpdate` when the run will move the cutoff.
    static func buildables(_ location: String, logger: Logger, timeout: Double, forUpdate: Bool) async throws -> any BuildablesStore {
        if location.hasPrefix("dynamodb://") {
            let table = try DynamoDBBuildables.tableName(url: location)
            return DynamoDBBuildables(table: table, client: try AWSEnvironment.client(service: "dynamodb", logger: logger, timeout: timeout))
        }
        return try BuildablesFile.open(path: location, logger: logger, forUpdate: forUpdate)
    }

    /// `s3://bucket/prefix` or a directory.
    static func objects(_ location: String, logger: Logger) throws -> any ObjectStore {
        if location.hasPrefix("s3://") {
            return try S3ObjectStore(url: location, client: try AWSEnvironment.client(service: "s3", logger: logger))
        }
        return FileObjectStore(root: location)
    }

    /// The user's own local file as a store and a key: links are followed (it is the user's
    /// path, not a key from an event or a listing), and what the path names must be a regular
    /// file. A missing file is left to the read, which reports it.
    ///
    /// - Throws: ``FileAccessError`` (exit 2) for a FIFO, socket, device or directory.
    static func file(_ path: String) throws -> (store: any ObjectStore, key: ObjectKey) {
        var resolved = path
        if let real = realpath(path, nil) {
            resolved = String(cString: real)
            free(real)
            var status = stat()
            if stat(resolved, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
                throw FileAccessError(path: path, problem: "not a regular file", category: .badInput)
            }
        }
        let url = URL(fileURLWithPath: resolved)
        return (FileObjectStore(root: url.deletingLastPathComponent().path), try ObjectKey(url.lastPathComponent))
    }

    /// `-` is standard output, a path is a file, nothing is standard error.
    ///
    /// - Throws: ``FileAccessError`` (exit 2) when the path names a FIFO, socket or directory.
    static func metricsSink(_ destination: String?) throws -> any MetricsSink {
        let sink: EmbeddedMetricsSink
        switch destination {
        case nil: sink = EmbeddedMetricsSink(.standardError)
        case "-": sink = EmbeddedMetricsSink(.standardOutput)
        case let path?: sink = EmbeddedMetricsSink(.file(path))
        }
        try sink.check()
        return sink
    }
}
