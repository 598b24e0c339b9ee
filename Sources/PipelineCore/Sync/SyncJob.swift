import Foundation
import ReportKit

/// Syncs sources into a store: lists each source, plans against its manifest, fetches what
/// may have changed (conditionally, streamed, hashed as it streams), stores only bytes whose
/// SHA-256 is new, deletes what the source dropped, then writes the manifest, last.
///
/// Polite over HTTP: every request carries ``userAgent`` (ReportKit, its version and the
/// contact), and ``delay`` seconds pass between requests (retries with backoff are the
/// transport's, a `RetryingTransport`). A file that fails is left out of the manifest (or
/// keeps its old entry) and the others go on; the run's report says which failed.
public struct SyncJob: Sendable {
    public var store: any ObjectStore
    public var transport: any HTTPTransport
    public var clock: any WallClock
    public var sleeper: any Sleeper
    public var logger: Logger
    /// `ReportKit/<version> (+mailto:<contact>)`: see ``userAgent(version:contact:)``.
    public var userAgent: String
    /// Seconds between two requests to a source (the original waited 1 s).
    public var delay: Double
    /// Keep files the source no longer offers (they are deleted otherwise).
    public var keepDeleted: Bool
    /// Plan and report only: no download, no write, no delete.
    public var dryrun: Bool
    /// Seconds a request may wait for its answer to start, or pause in it.
    public var timeout: Double
    /// Bytes per piece when reading from another store.
    public var pieceSize = 1 << 20

    /// Whether a request has been made yet (the first one does not wait).
    private let pacing = Pacing()

    public init(
        store: any ObjectStore, transport: any HTTPTransport, clock: any WallClock, sleeper: any Sleeper, logger: Logger = .silent,
        userAgent: String, delay: Double = 1, keepDeleted: Bool = false, dryrun: Bool = false, timeout: Double = 20
    ) {
        self.store = store
        self.transport = transport
        self.clock = clock
        self.sleeper = sleeper
        self.logger = logger
        self.userAgent = userAgent
        self.delay = delay
        self.keepDeleted = keepDeleted
        self.dryrun = dryrun
        self.timeout = timeout
    }

    /// `ReportKit/0.1.0 (+mailto:ops@example.org)`; without a contact, `ReportKit/0.1.0`.
    /// BLS refuses requests whose User-Agent names no contact.
    public static func userAgent(version: String, contact: String?) -> String {
        guard let contact, !contact.isEmpty else { return "ReportKit/\(version)" }
        let clean = String(contact.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "(" && $0 != ")" })
        let hasScheme = ["mailto:", "http://", "https://"].contains { clean.lowercased().hasPrefix($0) }
        return "ReportKit/\(version) (+\(clean.contains("@") && !hasScheme ? "mailto:" + clean : clean))"
    }

    /// Syncs `source`. For a `directory` or `store` source, `origin` is that store and the
    /// prefix its files are under (the caller opens it); HTTP sources need none.
    public func run(_ source: SyncSource, origin: (store: any ObjectStore, prefix: ObjectPrefix)? = nil) async -> SyncReport {
        var report = SyncReport(source: source.name)
        report.dryrun = dryrun
        let manifest: SyncManifest
        let entries: [ListingEntry]
        let storedKeys: Set<ObjectKey>
        do {
            manifest = try await readManifest(source)
            let listing = try await list(source, origin: origin)
            entries = listing.entries
            report.refused = listing.refused
            storedKeys = Set(try await store.list(prefix: source.into).map(\.key))
        } catch {
            report.error = Self.describe(error)
            logger.error("sync \(source.name): \(report.error!)")
            return report
        }
        let plan = SyncPlan.make(source: source, entries: entries, manifest: manifest, storedKeys: storedKeys)
        report.refused += plan.refused
        for refused in report.refused { logger.warning("sync \(source.name): refused \(refused.link): \(refused.reason)") }
        report.unchanged = plan.unchanged.map { SyncReport.File(name: $0.name, bytes: $0.size) }
        if dryrun {
            report.new = plan.new.map { SyncReport.File(name: $0.entry.name, bytes: $0.entry.size ?? 0) }
            report.wouldCheck = plan.check.map { SyncReport.File(name: $0.entry.name, bytes: $0.entry.size ?? 0) }
            report.deleted = keepDeleted ? [] : plan.gone.map { SyncReport.File(name: $0.name, bytes: $0.size) }
            report.kept = keepDeleted ? plan.gone.map { SyncReport.File(name: $0.name, bytes: $0.size) } : []
            return report
        }
        var next = manifest
        for fetch in plan.fetches {
            let outcome = await self.fetch(fetch, source: source, origin: origin)
            report.downloadedBytes += outcome.received
            switch outcome.result {
            case .stored(let file):
                next.files[file.name] = file
                let item = SyncReport.File(name: file.name, bytes: file.size)
                if fetch.stored == nil { report.new.append(item) } else { report.changed.append(item) }
            case .same(let file):
                next.files[file.name] = file
                report.unchanged.append(SyncReport.File(name: file.name, bytes: file.size))
            case .failed(let message):
                logger.warning("sync \(source.name): \(fetch.entry.name): \(message)")
                report.failed.append(SyncReport.Failure(name: fetch.entry.name, error: message))
            }
        }
        for file in plan.gone {
            if keepDeleted {
                report.kept.append(SyncReport.File(name: file.name, bytes: file.size))
                continue
            }
            do {
                try await store.delete(file.key)
                next.files[file.name] = nil
                report.deleted.append(SyncReport.File(name: file.name, bytes: file.size))
            } catch {
                report.failed.append(SyncReport.Failure(name: file.name, error: "cannot delete it: \(Self.describe(error))"))
            }
        }
        report.unchanged.sort { $0.name < $1.name }
        if next != manifest {
            do {
                try await store.put(source.manifestKey, Data(JSONWriter.canonical(next.json).utf8), contentType: "application/json")
            } catch {
                report.error = "the files are stored but the manifest could not be written: \(Self.describe(error))"
            }
        }
        return report
    }

    /// The source's manifest, empty when there is none yet.
    func readManifest(_ source: SyncSource) async throws -> SyncManifest {
        guard let bytes = try await store.get(source.manifestKey) else { return SyncManifest(source: source.name) }
        return try SyncManifest.parse([UInt8](bytes), where: "\(store.displayName)/\(source.manifestKey.text)")
    }

    /// What the source offers.
    func list(_ source: SyncSource, origin: (store: any ObjectStore, prefix: ObjectPrefix)?) async throws -> DirectoryListing {
        switch source.origin {
        case .httpListing(let text):
            guard let url = URL(string: text) else { throw SyncSourceError("'\(text)' is not a URL") }
            let response = try await send(HTTPRequest(method: "GET", url: url, headers: [("Accept", "text/html")], timeout: timeout))
            guard response.status == 200 else {
                throw SyncSourceError("the listing answered HTTP \(response.status)\(Self.hint(response.status))")
            }
            return DirectoryListing.parse(String(decoding: response.body, as: UTF8.self), base: url)
        case .url(let text, let saveAs):
            return DirectoryListing(entries: [ListingEntry(name: saveAs, location: text)], refused: [])
        case .directory, .store:
            guard let origin else { throw SyncSourceError("no store was opened for the source") }
            var entries: [ListingEntry] = []
            for object in try await origin.store.list(prefix: origin.prefix) {
                guard let rest = object.key.relative(to: origin.prefix), !rest.isEmpty else { continue }
                entries.append(ListingEntry(
                    name: String(rest), location: object.key.text, size: object.size,
                    date: object.lastModified.map(Timestamp.iso8601), etag: object.etag))
            }
            return DirectoryListing(entries: entries, refused: [])
        }
    }

    /// `request` with the User-Agent, after the polite pause.
    func polite(_ request: HTTPRequest) async throws -> HTTPRequest {
        if pacing.startRequest() { try await sleeper.sleep(seconds: delay) }
        var request = request
        request.headers.insert(("User-Agent", userAgent), at: 0)
        return request
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await transport.send(try await polite(request))
    }

    /// Words added to a status that has a usual cause.
    static func hint(_ status: Int) -> String {
        switch status {
        case 403: " (forbidden: servers such as BLS refuse requests without a contact; give --contact EMAIL or set REPORTKIT_CONTACT)"
        case 404: " (not found)"
        case 429: " (too many requests, still after the retries)"
        case 500...599: " (the server failed, still after the retries)"
        default: ""
        }
    }

    /// An error's words for the report.
    static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}

/// A source that cannot be read (its listing failed, or it names nothing readable).
public struct SyncSourceError: Error, Sendable, Hashable, CustomStringConvertible, CategorizedError {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var category: ErrorCategory { .outsideSystem }
}

/// Whether a job has made its first request yet.
final class Pacing: @unchecked Sendable {
    private let lock = NSLock()
    private var started = false

    /// `true` when a request came before this one (so this one waits).
    func startRequest() -> Bool {
        lock.withLock {
            defer { started = true }
            return started
        }
    }
}
