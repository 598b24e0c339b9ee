import ReportKit

extension RunsIndex {
    /// The index as its JSON (the shape in ``RunsIndex``'s documentation).
    public var json: JSONValue {
        ["runs": .array(runs.map(\.json))]
    }

    /// The index's bytes as stored: canonical JSON and a final newline.
    public var bytes: [UInt8] { Array((JSONWriter.canonical(json) + "\n").utf8) }

    /// Reads the index back from its JSON.
    public init(json: JSONValue) throws(RunRecordError) {
        let reader = try RecordReader(json, path: "")
        self.init(runs: try reader.each("runs", Entry.init(json:path:)))
    }

    /// Reads the index from its stored bytes.
    public init(bytes: [UInt8]) throws(RunRecordError) {
        let value: JSONValue
        do { value = try JSONReader.parse(bytes) } catch { throw RunRecordError(key: Self.key.text, field: "(text)", problem: "not JSON: \(error)") }
        do { try self.init(json: value) } catch { throw error.inObject(Self.key) }
    }

    /// The index with `entry` in place of any run of its day, newest first.
    public func recording(_ entry: Entry) -> RunsIndex {
        var runs = runs.filter { $0.day != entry.day }
        runs.append(entry)
        runs.sort { $0.day > $1.day }
        return RunsIndex(runs: runs)
    }
}

extension RunsIndex.Entry {
    /// The entry of the run `manifest` describes.
    public init(_ manifest: RunManifest) {
        self.init(
            day: manifest.day, manifest: manifest.day.manifestKey,
            reports: manifest.reports.map { RunsIndex.Report(name: $0.name, folder: $0.folder, kind: $0.kind, status: $0.status) })
    }

    public var json: JSONValue {
        [
            "date": .string(day.description), "manifest": .string(manifest.text),
            "reports": .array(reports.map(\.json)), "failed": .number(Double(failed)), "warned": .number(Double(warned)),
        ]
    }

    init(json: JSONValue, path: String) throws(RunRecordError) {
        let reader = try RecordReader(json, path: path)
        self.init(day: try reader.day("date"), manifest: try reader.key("manifest"), reports: try reader.each("reports", RunsIndex.Report.init(json:path:)))
    }
}

extension RunsIndex.Report {
    public var json: JSONValue {
        ["name": .string(name), "folder": .string(folder.name), "kind": .string(kind.name), "status": .string(status.rawValue)]
    }

    init(json: JSONValue, path: String) throws(RunRecordError) {
        let reader = try RecordReader(json, path: path)
        self.init(name: try reader.string("name"), folder: try reader.folder("folder"), kind: try reader.kind("kind"), status: try reader.status("status"))
    }
}
