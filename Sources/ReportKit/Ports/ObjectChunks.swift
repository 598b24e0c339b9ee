import Foundation

/// The bytes of one object, a piece at a time: `for try await piece in store.chunks(key, size: 1 << 20)`.
///
/// Each iteration starts a new read. A store makes its own source, so that the pieces are of
/// one version of the object (the file store keeps one descriptor open; S3 sends `If-Match`
/// with the first piece's ETag and fails if the object was replaced); the default is one
/// ranged read per piece, with no such check.
public struct ObjectChunks: AsyncSequence, Sendable {
    public typealias Element = Data

    private let makeSource: @Sendable () -> any ChunkSource

    /// Chunks from the source `makeSource` gives, one source per iteration.
    public init(_ makeSource: @escaping @Sendable () -> any ChunkSource) {
        self.makeSource = makeSource
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(source: makeSource())
    }

    public struct Iterator: AsyncIteratorProtocol {
        let source: any ChunkSource

        public mutating func next() async throws -> Data? {
            try await source.next()
        }
    }

    /// Pieces of `size` bytes (at least 1) read with `store.read(key, range:)`, until one
    /// comes back short.
    public static func ranged(_ store: any ObjectStore, key: ObjectKey, size: Int) -> ObjectChunks {
        precondition(size > 0, "a chunk has at least one byte")
        return ObjectChunks { RangedChunkSource(store: store, key: key, size: size) }
    }
}

/// Gives the next piece of an object, or `nil` after the last.
public protocol ChunkSource: AnyObject {
    func next() async throws -> Data?
}

/// Ranged reads, one per piece.
final class RangedChunkSource: ChunkSource {
    let store: any ObjectStore
    let key: ObjectKey
    let size: Int
    private var offset = 0
    private var finished = false

    init(store: any ObjectStore, key: ObjectKey, size: Int) {
        self.store = store
        self.key = key
        self.size = size
    }

    func next() async throws -> Data? {
        guard !finished else { return nil }
        guard let piece = try await store.read(key, range: offset..<(offset + size)) else {
            finished = true
            throw ObjectStoreError(.notFound, key: key.text, offset == 0 ? "no such object" : "the object disappeared while being read")
        }
        offset += piece.count
        if piece.count < size { finished = true }
        return piece.isEmpty ? nil : piece
    }
}
