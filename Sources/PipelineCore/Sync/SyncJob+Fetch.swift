import Foundation
import ReportKit

extension SyncJob {
    /// What fetching one file came to, and the bytes received for it.
    struct FetchOutcome {
        enum Result {
            /// New bytes, stored; the manifest entry for them.
            case stored(SyncManifest.File)
            /// The source answered 304, or sent the bytes already stored: nothing written.
            case same(SyncManifest.File)
            case failed(String)
        }

        var result: Result
        var received = 0
    }

    /// Fetches one file and stores it when its bytes are new.
    func fetch(_ fetch: SyncPlan.Fetch, source: SyncSource, origin: (store: any ObjectStore, prefix: ObjectPrefix)?) async -> FetchOutcome {
        let now = Timestamp.iso8601(clock.now())
        do {
            let body: ObjectChunks
            var served: (contentType: String?, etag: String?, lastModified: String?, length: Int?) = (nil, nil, nil, nil)
            if source.origin.isHTTP {
                guard let url = URL(string: fetch.entry.location) else { return FetchOutcome(result: .failed("'\(fetch.entry.location)' is not a URL")) }
                let request = try await polite(HTTPRequest(method: "GET", url: url, headers: fetch.conditionalHeaders, timeout: timeout))
                let response = try await transport.stream(request)
                if response.status == 304, var stored = fetch.stored {
                    stored.listingDate = fetch.entry.date ?? stored.listingDate
                    return FetchOutcome(result: .same(stored))
                }
                guard response.status == 200 else {
                    return FetchOutcome(result: .failed("HTTP \(response.status)\(Self.hint(response.status))"))
                }
                body = response.body
                served = (response.header("Content-Type"), response.header("ETag"), response.header("Last-Modified"),
                          response.header("Content-Length").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
            } else {
                guard let origin else { return FetchOutcome(result: .failed("no store was opened for the source")) }
                let key = try ObjectKey(fetch.entry.location)
                body = origin.store.chunks(key, size: pieceSize)
                served.etag = fetch.entry.etag
            }
            return try await store(body, for: fetch, served: served, now: now)
        } catch {
            return FetchOutcome(result: .failed(Self.describe(error)))
        }
    }

    /// Streams `body` into an upload at the fetch's key while hashing it; commits only when
    /// the digest differs from the stored one.
    func store(
        _ body: ObjectChunks, for fetch: SyncPlan.Fetch,
        served: (contentType: String?, etag: String?, lastModified: String?, length: Int?), now: String
    ) async throws -> FetchOutcome {
        let upload = try await store.upload(fetch.key)
        var hasher = SHA256()
        var size = 0
        var head = Data()
        do {
            for try await piece in body {
                piece.withUnsafeBytes { hasher.update($0) }
                size += piece.count
                if head.count < 8192 { head.append(piece.prefix(8192 - head.count)) }
                try await upload.write(piece)
            }
        } catch {
            await upload.abort()
            throw error
        }
        if let length = served.length, length != size {
            await upload.abort()
            return FetchOutcome(result: .failed("the body ended after \(size) of \(length) bytes"), received: size)
        }
        let digest = Hex.encode(hasher.finalize())
        let file = SyncManifest.File(
            name: fetch.entry.name, key: fetch.key, size: size, sha256: digest, etag: served.etag, lastModified: served.lastModified,
            listingDate: fetch.entry.date, syncedAt: now)
        if let stored = fetch.stored, stored.sha256 == digest {
            await upload.abort()
            var same = file
            same.syncedAt = stored.syncedAt
            return FetchOutcome(result: .same(same), received: size)
        }
        do {
            try await upload.commit(contentType: SyncContentType.of(name: fetch.entry.name, served: served.contentType, head: head))
        } catch {
            return FetchOutcome(result: .failed("cannot store it: \(Self.describe(error))"), received: size)
        }
        return FetchOutcome(result: .stored(file), received: size)
    }
}
