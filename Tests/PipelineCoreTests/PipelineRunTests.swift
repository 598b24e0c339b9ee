import Foundation
import PipelineCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("pipeline step: event contract and failures")
struct PipelineRunTests {
    static let input = "bydelsfakta/levekar_lav_utdanning/input_lav-utdanning_synthetic.csv"
    static let clock = FixedClock(Timestamp.parse("2020-05-01")!)

    func run(_ event: String, store: InMemoryObjectStore) async -> PipelineRun.Outcome {
        await PipelineRun(store: store, clock: Self.clock).run(eventBytes: Array(event.utf8))
    }

    func storeWithInput() async throws -> InMemoryObjectStore {
        let store = InMemoryObjectStore()
        try await store.put("processed/lav/file.csv", FixturePaths.data(Self.input))
        return store
    }

    @Test("success: one file per district and 00 under the output prefix; step data OK")
    func success() async throws {
        let store = try await storeWithInput()
        let outcome = await run(PipelineEvents.event(function: "levekar-lav-utdanning", type: "status", inputs: ["lav-utdanning": "processed/lav/"]), store: store)
        let prefix = "intermediate/yellow/out/version=1/edition=1/lambda_invoker/"
        #expect(outcome.failure == nil)
        #expect(outcome.stepData == ["s3_input_prefixes": ["out": .string(prefix)], "status": "OK", "errors": []])
        #expect(outcome.written.map(\.text).sorted() == ["00", "01", "02"].map { prefix + $0 + ".json" })
        let meta = try JSONReader.parse([UInt8](try #require(try await store.get(try ObjectKey(prefix + "01.json")))))["meta"]
        #expect(meta?["publishedDate"] == "2020-05-01")
    }

    @Test("each broken input gets its own error, status FAILED, nothing written", arguments: [
        ("levekar-lav-utdanning", "status", ["lav-utdanning": "processed/empty/"], "no file under prefix processed/empty/"),
        ("levekar-lav-utdanning", "status", ["lav-utdanning": "processed/two/"], "2 files under prefix processed/two/"),
        ("levekar-lav-utdanning", "status", [String: String](), "lacks 'lav-utdanning'"),
        ("levekar-lav-utdanning", "status", ["lav-utdanning": "processed/lav/", "other": "processed/lav/"], "has 'other', which levekar_lav_utdanning does not read"),
        ("no-such-function", "status", ["lav-utdanning": "processed/lav/"], "names no ported function"),
        ("levekar-lav-utdanning", "nokkeltall", ["lav-utdanning": "processed/lav/"], "type 'nokkeltall' is not one levekar_lav_utdanning makes"),
        ("levekar-lav-utdanning", "status", ["lav-utdanning": "processed/../lav/"],
         "event: payload.step_data.s3_input_prefixes.lav-utdanning 'processed/../lav/': an object key cannot have a '..' segment"),
    ])
    func brokenInputs(function: String, type: String, inputs: [String: String], message: String) async throws {
        let store = try await storeWithInput()
        try await store.put("processed/two/a.csv", Data("aar\n".utf8))
        try await store.put("processed/two/b.csv", Data("aar\n".utf8))
        let before = try await store.list(prefix: "")
        let outcome = await run(PipelineEvents.event(function: function, type: type, inputs: inputs), store: store)
        #expect(outcome.failure?.category == .badInput)
        #expect(outcome.stepData["status"] == "FAILED")
        let errors = outcome.stepData["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors.contains { $0.contains(message) }, "\(errors)")
        #expect(try await store.list(prefix: "") == before)
    }

    @Test("an output prefix that is no key prefix is bad input naming the event key; nothing is written")
    func badOutputPrefix() async throws {
        let store = try await storeWithInput()
        let event = PipelineEvents.event(function: "levekar-lav-utdanning", type: "status", inputs: ["lav-utdanning": "processed/lav/"])
            .replacingOccurrences(of: "%stage%/yellow/", with: "%stage%//yellow/")
        let outcome = await run(event, store: store)
        #expect(outcome.failure?.category == .badInput)
        let errors = outcome.stepData["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors.contains { $0.hasPrefix("event: payload.output_dataset.s3_prefix") && $0.contains("empty segment") }, "\(errors)")
        #expect(store.keys == ["processed/lav/file.csv"])
    }

    @Test("a malformed or incomplete event names the place or key", arguments: [
        ("{\"task\": ", "event: <input>:1:10: error: json: expected a JSON value"),
        ("{\"task\": \"t\"}", "event: 'payload' is missing"),
        ("{\"task\": \"t\", \"execution_name\": \"x\", \"payload\": {\"pipeline\": {\"id\": \"p\", \"task_config\": {}}}}", "'payload.pipeline.task_config.t' is missing"),
    ])
    func badEvent(text: String, message: String) async throws {
        let outcome = await run(text, store: InMemoryObjectStore())
        #expect(outcome.failure?.category == .badInput)
        let errors = outcome.stepData["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors.contains { $0.hasPrefix(message) || $0.contains(message) }, "\(errors)")
    }

    @Test("bad CSV names the file, line and column")
    func badCSV() async throws {
        let store = InMemoryObjectStore()
        try await store.put("processed/lav/file.csv", Data("aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;grunnskole\n2015;01;A;0101;B;x\n".utf8))
        let outcome = await run(PipelineEvents.event(function: "levekar-lav-utdanning", type: "status", inputs: ["lav-utdanning": "processed/lav/"]), store: store)
        let errors = outcome.stepData["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors == ["processed/lav/file.csv:2:18: error: csv: column 'grunnskole' is 'x', expected a number"])
    }

    @Test("a sub-district that appears part-way through the years is a clear error naming it (the original crashes)")
    func partialHistory() async throws {
        var csv = try FixturePaths.text("bydelsfakta/befolkning-etter-kjonn-og-alder/input_befolkning-etter-kjonn-og-alder_synthetic.csv")
        let lines = csv.split(separator: "\n")
        // Drop sub-district 0102's first year.
        csv = lines.filter { !($0.hasPrefix("2008;0102;")) }.joined(separator: "\n") + "\n"
        let store = InMemoryObjectStore()
        try await store.put("processed/b/file.csv", Data(csv.utf8))
        let outcome = await run(PipelineEvents.event(function: "folkemengde", type: "historisk", inputs: ["befolkning-etter-kjonn-og-alder": "processed/b/"]), store: store)
        let errors = outcome.stepData["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors.first?.contains("0102") == true && errors.first?.contains("part-way") == true, "\(errors)")
        #expect(outcome.written.isEmpty)
    }

    @Test("a store that fails while writing: what was written is removed, exit 3", arguments: [0, 1, 2])
    func failingStore(allowed: Int) async throws {
        // Three files, written at once: the failing write may be the first, second or last.
        let store = FailingAfterWrites(allowed: allowed)
        try await store.base.put("processed/lav/file.csv", FixturePaths.data(Self.input))
        let outcome = await PipelineRun(store: store, clock: Self.clock).run(
            eventBytes: Array(PipelineEvents.event(function: "levekar-lav-utdanning", type: "status", inputs: ["lav-utdanning": "processed/lav/"]).utf8))
        #expect(outcome.failure?.category == .outsideSystem)
        #expect(try await store.base.list(prefix: "intermediate/").isEmpty)
    }
}

/// An object store that refuses writes after the first `allowed`.
final class FailingAfterWrites: ObjectStore, @unchecked Sendable {
    let base = InMemoryObjectStore()
    private let lock = NSLock()
    private var remaining: Int

    init(allowed: Int) { remaining = allowed }

    var displayName: String { "failing" }
    func get(_ key: ObjectKey) async throws -> Data? { try await base.get(key) }
    func read(_ key: ObjectKey, range: Range<Int>) async throws -> Data? { try await base.read(key, range: range) }
    func list(prefix: ObjectPrefix) async throws -> [StoredObject] { try await base.list(prefix: prefix) }
    func delete(_ key: ObjectKey) async throws { try await base.delete(key) }
    func put(_ key: ObjectKey, fileAt path: String, contentType: String?) async throws {
        Issue.record("the pipeline does not put files")
    }
    func put(_ key: ObjectKey, _ data: Data, contentType: String?) async throws {
        let allowed = lock.withLock { () -> Bool in
            remaining -= 1
            return remaining >= 0
        }
        guard allowed else { throw ObjectStoreError(.unavailable, key: key.text, "the store is down") }
        try await base.put(key, data, contentType: contentType)
    }
}
