import Foundation
import ReportAdapters
import ReportKit
import SlipsCore

/// The buildables table kept in a local YAML or JSON file with an `items:` list, in the
/// format of the original's end-to-end table (`Fixtures/slips/e2e_db.yaml`).
///
/// The file is read once, when opened; queries answer from memory through an index on
/// the table's keys. ``update(artifact:instance:set:)`` rewrites the file atomically
/// (temporary file, then rename) and only after checking that the new text reads back as
/// exactly the old items with the change applied. Both formats are edited in place: a YAML
/// file keeps its comments and layout, a JSON file every other item's text (numbers a
/// `Double` cannot hold too); only a shape the edits do not handle is written anew.
///
/// ```swift
/// let store = try BuildablesFile.open(path: "Fixtures/slips/e2e_db.yaml")
/// let regions = try await store.items(artifact: "REGION")
/// ```
public final class BuildablesFile: BuildablesStore, @unchecked Sendable {
    /// The file's path, as given.
    public let path: String
    private let logger: Logger
    private let lock = ReadWriteLock()
    private var document: BuildablesDocument
    /// The file as last read or written, to notice changes made by others meanwhile.
    private var fingerprint: FileFingerprint

    /// Reads and checks the file at `path`.
    ///
    /// - Throws: ``FileAccessError`` when it cannot be read, `ParseError` (with line and
    ///   column) when it is not YAML/JSON, ``BuildablesFileError`` when it is not a table of
    ///   items with text `artifact` and `instance` keys. All are bad input (exit 2).
    ///
    /// - Parameter forUpdate: the run will move the cutoff. The file is locked first
    ///   (``FileLock``: another run on it is waited for, at most ``lockTimeout`` seconds,
    ///   then a ``FileAccessError``, exit 3) and held until this value is freed, so the
    ///   cutoff read here is the one the update replaces; and it must be replaceable
    ///   (``AtomicFile/checkReplaceable(_:)``: not read-only, owner keepable). Both are
    ///   checked now, before anything is sent.
    public static func open(path: String, logger: Logger = .silent, forUpdate: Bool = false) throws -> BuildablesFile {
        var lock: FileLock?
        if forUpdate {
            lock = try FileLock.exclusive(path, timeout: lockTimeout) {
                logger.info("\(path): another run is updating this table; waiting (at most \(Int(lockTimeout)) s)")
            }
            try AtomicFile.checkReplaceable(path)
        }
        let file = try MappedFile(path: path)
        let document = try BuildablesDocument.read(file.bytes, path: path, owner: file)
        return BuildablesFile(document: document, fingerprint: file.fingerprint, lock: lock, logger: logger)
    }

    /// How long ``open(path:logger:forUpdate:)`` waits for another run's lock, in seconds.
    public static let lockTimeout: Double = 30

    /// Held from the read to the update when opened for one.
    private let fileLock: FileLock?

    private init(document: BuildablesDocument, fingerprint: FileFingerprint, lock: FileLock?, logger: Logger) {
        self.path = document.path
        self.logger = logger
        self.document = document
        self.fingerprint = fingerprint
        self.fileLock = lock
    }

    /// The items as last read or written, in file order.
    public var items: [BuildableItem] { lock.reading { document.items } }

    public func item(artifact: String, instance: String) async throws -> BuildableItem? {
        lock.reading { document.position(artifact: artifact, instance: instance).map { document.item(at: $0) } }
    }

    public func item(artifact: String, instance: String, near neighbor: BuildableItem) async throws -> BuildableItem? {
        lock.reading { document.position(artifact: artifact, instance: instance, near: neighbor).map { document.item(at: $0) } }
    }

    public func items(artifact: String) async throws -> [BuildableItem] {
        lock.reading { document.positions(artifact: artifact).map { document.item(at: $0) } }
    }

    public func plannedItems(artifact: String) async throws -> [BuildableItem] {
        lock.reading { document.positions(artifact: artifact).lazy.map { self.document.item(at: $0) }.filter { $0.has("plan") } }
    }

    /// Sets `attributes` on the item (creating it when absent) and rewrites the file.
    ///
    /// - Throws: ``FileAccessError`` (exit 3) when the file changed since it was read or
    ///   cannot be replaced; the file is then left as it was.
    public func update(artifact: String, instance: String, set attributes: JSONObject) async throws {
        try lock.writing {
            let expected = Self.applying(attributes, to: document.items, artifact: artifact, instance: instance)
            let (text, newBytes) = try newText(expected: expected, artifact: artifact, instance: instance, set: attributes)
            let unchanged = document.format == .yaml
                ? (try? AtomicFile.readBytes(path)) == document.bytes
                : FileFingerprint(path: path) == fingerprint
            guard unchanged else {
                throw FileAccessError(path: path, problem: "the file changed while the report ran; not overwritten", category: .outsideSystem)
            }
            try AtomicFile.write(Data(newBytes), to: path)
            document = text
            fingerprint = FileFingerprint(path: path) ?? fingerprint
        }
    }

    /// The new file contents: an in-place YAML or JSON edit when it reads back right, else
    /// the whole document written anew. Either way it is checked by reading it back.
    private func newText(
        expected: [BuildableItem], artifact: String, instance: String, set attributes: JSONObject
    ) throws -> (BuildablesDocument, [UInt8]) {
        if document.format == .yaml,
           let edited = YAMLItemEdit.apply(to: document, artifact: artifact, instance: instance, set: attributes),
           let reread = try? BuildablesDocument.read(edited, path: path), reread.items == expected {
            return (reread, edited)
        }
        if document.format == .json, let current = try? AtomicFile.readBytes(path) {
            let position = document.position(artifact: artifact, instance: instance)
            if let item = expected[position ?? (expected.count - 1)].attributes as JSONObject?,
               let edited = JSONItemEdit.apply(to: current, position: position, item: item),
               let reread = try? BuildablesDocument.read(edited, path: path), reread.items == expected {
                return (reread, edited)
            }
        }
        var root = document.root.objectValue ?? JSONObject()
        root["items"] = .array(expected.map { .object($0.attributes) })
        let bytes: [UInt8]
        switch document.format {
        case .json:
            bytes = Array((JSONWriter.canonical(.object(root)) + "\n").utf8)
        case .yaml:
            logger.warning("\(path): cannot edit this layout in place; rewriting the whole file (comments are not kept)")
            bytes = Array(YAML.emit(.object(root)).utf8)
        }
        let reread = try BuildablesDocument.read(bytes, path: path)
        guard reread.items == expected else {
            throw FileAccessError(path: path, problem: "internal error: the rewritten table does not read back; not overwritten", category: .outsideSystem)
        }
        return (reread, bytes)
    }

    /// `items` with `attributes` set on the keyed item, or a new item appended.
    static func applying(_ attributes: JSONObject, to items: [BuildableItem], artifact: String, instance: String) -> [BuildableItem] {
        var result = items
        if let position = result.firstIndex(where: { $0.artifact == artifact && $0.instance == instance }) {
            for member in attributes { result[position].attributes[member.key] = member.value }
        } else {
            var object: JSONObject = ["artifact": .string(artifact), "instance": .string(instance)]
            for member in attributes { object[member.key] = member.value }
            result.append(BuildableItem(object))
        }
        return result
    }
}
