import Foundation

/// An object written a piece at a time: nothing is at its key until ``commit(contentType:)``,
/// and ``abort()`` leaves the store as it was. For bytes that arrive in pieces (a download)
/// and whose fate is decided at the end (kept only when their digest is new).
///
/// Use it from one task; after `commit` or `abort` it takes nothing more.
public protocol ObjectUpload: AnyObject, Sendable {
    /// Appends `piece` to the object being written.
    func write(_ piece: Data) async throws
    /// Puts everything written at the key, atomically, replacing any object there.
    func commit(contentType: String?) async throws
    /// Drops everything written; the key keeps what it had.
    func abort() async
}

extension ObjectStore {
    /// An upload held in memory and stored with one ``put(_:_:contentType:)`` at commit: the
    /// default for a store with no way to stream (a test double). Live stores stream.
    public func bufferedUpload(_ key: ObjectKey) -> any ObjectUpload {
        BufferedObjectUpload(store: self, key: key)
    }
}

/// The pieces in memory until commit.
final class BufferedObjectUpload: ObjectUpload, @unchecked Sendable {
    private let store: any ObjectStore
    private let key: ObjectKey
    private var bytes = Data()
    private var finished = false

    init(store: any ObjectStore, key: ObjectKey) {
        self.store = store
        self.key = key
    }

    func write(_ piece: Data) async throws {
        precondition(!finished, "an upload takes nothing after commit or abort")
        bytes.append(piece)
    }

    func commit(contentType: String?) async throws {
        precondition(!finished, "an upload is committed once")
        finished = true
        try await store.put(key, bytes, contentType: contentType)
        bytes = Data()
    }

    func abort() async {
        finished = true
        bytes = Data()
    }
}
