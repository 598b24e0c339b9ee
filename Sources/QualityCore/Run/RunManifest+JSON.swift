import Foundation
import ReportKit

extension RunManifest {
    /// The manifest as its JSON (the shape in ``RunManifest``'s documentation); write it
    /// with `JSONWriter.canonical` for sorted keys.
    public var json: JSONValue {
        [
            "date": .string(day.description),
            "started": .string(Timestamp.iso8601(started)),
            "seconds": .number(seconds),
            "version": .string(version),
            "delivery": delivery?.json ?? .null,
            "reports": .array(reports.map(\.json)),
        ]
    }

    /// The manifest's bytes as stored: canonical JSON and a final newline.
    public var bytes: [UInt8] { Array((JSONWriter.canonical(json) + "\n").utf8) }

    /// Reads a manifest back from its JSON.
    ///
    /// - Throws: ``RunRecordError`` naming the member that is missing or of the wrong type.
    public init(json: JSONValue) throws(RunRecordError) {
        let reader = try RecordReader(json, path: "")
        let startedText = try reader.string("started")
        guard let started = Timestamp.parse(startedText) else { throw reader.problem("started", "'\(startedText)' is not an ISO-8601 time") }
        self.init(
            day: try reader.day("date"), started: started, seconds: try reader.number("seconds"),
            version: try reader.string("version"), reports: try reader.each("reports", ManifestReport.init(json:path:)),
            delivery: try reader.value("delivery").map { (value) throws(RunRecordError) in try Delivery(json: value, path: "delivery") })
    }

    /// Reads a manifest from its stored bytes.
    public init(bytes: [UInt8]) throws(RunRecordError) {
        let value: JSONValue
        do { value = try JSONReader.parse(bytes) } catch { throw RunRecordError(field: "(text)", problem: "not JSON: \(error)") }
        try self.init(json: value)
    }
}

extension RunManifest.Delivery {
    public var json: JSONValue {
        ["channel": "slack", "status": .string(status.rawValue), "error": error.map(JSONValue.string) ?? .null, "messages": .number(Double(messages))]
    }

    init(json: JSONValue, path: String) throws(RunRecordError) {
        let reader = try RecordReader(json, path: path)
        let text = try reader.string("status")
        guard let status = Status(rawValue: text) else { throw reader.problem("status", "'\(text)' is not sent, failed or dryrun") }
        self.init(status: status, error: try reader.optionalString("error"), messages: try reader.integer("messages"))
    }
}

extension ManifestReport {
    public var json: JSONValue {
        [
            "name": .string(name),
            "folder": .string(folder.name),
            "kind": .string(kind.name),
            "status": .string(status.rawValue),
            "seconds": .number(seconds),
            "error": error.map(JSONValue.string) ?? .null,
            "files": .array(files.map(\.json)),
            "attachments": .array(attachments.map(\.json)),
            "request": request?.json ?? .null,
            "headline": .array(headline.map(\.json)),
        ]
    }

    init(json: JSONValue, path: String) throws(RunRecordError) {
        let reader = try RecordReader(json, path: path)
        let attachments = try reader.each("attachments") { (value, path) throws(RunRecordError) -> SlackAttachment in
            do throws(SlackAttachmentError) { return try SlackAttachment(json: value, path: path) } catch { throw RunRecordError(field: error.path, problem: "expected \(error.expected), found \(error.found)") }
        }
        let request = try reader.value("request").map { (value) throws(RunRecordError) -> ReportRequest in
            do throws(RegistryProblem) { return try ReportRequest(json: value) } catch { throw reader.problem("request", error.message) }
        }
        self.init(
            name: try reader.string("name"), folder: try reader.folder("folder"), kind: try reader.kind("kind"),
            status: try reader.status("status"), seconds: try reader.number("seconds"), error: try reader.optionalString("error"),
            files: try reader.each("files", ManifestFile.init(json:path:)), attachments: attachments, request: request,
            headline: try reader.each("headline", Headline.init(json:path:)))
    }
}

extension ManifestFile {
    public var json: JSONValue {
        [
            "key": .string(key.text), "path": .string(path.text), "content_type": .string(contentType.text),
            "bytes": .number(Double(bytes)), "sha256": .string(sha256),
        ]
    }

    init(json: JSONValue, path: String) throws(RunRecordError) {
        let reader = try RecordReader(json, path: path)
        let sha256 = try reader.string("sha256")
        guard sha256.utf8.count == 64, Hex.decode(sha256) != nil else { throw reader.problem("sha256", "'\(sha256)' is not 64 hex digits") }
        self.init(
            key: try reader.key("key"), path: try reader.key("path"), contentType: ContentType(try reader.string("content_type")),
            bytes: try reader.integer("bytes"), sha256: sha256)
    }
}

extension Headline {
    public var json: JSONValue { ["name": .string(name), "value": .number(value)] }

    init(json: JSONValue, path: String) throws(RunRecordError) {
        let reader = try RecordReader(json, path: path)
        self.init(name: try reader.string("name"), value: try reader.number("value"))
    }
}
