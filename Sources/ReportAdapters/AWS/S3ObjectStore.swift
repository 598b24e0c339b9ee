import Foundation
import ReportKit

/// An ``ObjectStore`` on an S3 bucket under a prefix: `s3://bucket/reports/` stores key
/// `2020-05-01/summary.csv` as the object `reports/2020-05-01/summary.csv`.
///
/// Path-style URLs (`<endpoint>/bucket/key`) for a custom endpoint such as a local server;
/// virtual-hosted (`bucket.s3.<region>.amazonaws.com/key`) for AWS. Listing follows
/// ListObjectsV2's continuation tokens to the end, and leaves out objects whose names are
/// not ``ObjectKey``s (a console's `folder/` markers, `a//b`). Ranged reads are GETs with a
/// `Range` header; a put from a file streams it in one PUT (S3's limit: 5 GB), its SHA-256
/// computed a piece at a time first.
public struct S3ObjectStore: ObjectStore {
    public let bucket: String
    /// The key prefix inside the bucket: empty, or ending in `/`.
    public let prefix: ObjectPrefix
    public var client: AWSClient

    /// Largest object one PUT may send.
    public static let maxSinglePutBytes = 5 * 1024 * 1024 * 1024

    /// A store for `s3://bucket[/prefix]`.
    ///
    /// - Throws: ``ObjectStoreError`` of kind ``ObjectStoreError/Kind/invalidKey`` (bad input)
    ///   when `url` is not an `s3://` URL, the bucket name breaks S3's rules or the prefix
    ///   those of keys.
    public init(url: String, client: AWSClient) throws(ObjectStoreError) {
        guard url.hasPrefix("s3://") else { throw ObjectStoreError(.invalidKey, "not an s3:// URL: \(url)") }
        let rest = url.dropFirst(5)
        let bucket = String(rest.prefix { $0 != "/" })
        guard !bucket.isEmpty else { throw ObjectStoreError(.invalidKey, "no bucket in \(url)") }
        guard Self.isBucketName(bucket) else {
            throw ObjectStoreError(.invalidKey, "'\(bucket)' in \(url) is not an S3 bucket name (3 to 63 lowercase letters, digits, '.' and '-')")
        }
        var prefix = String(rest.dropFirst(bucket.count).drop { $0 == "/" })
        if !prefix.isEmpty, !prefix.hasSuffix("/") { prefix += "/" }
        self.bucket = bucket
        self.prefix = try ObjectPrefix(prefix)
        self.client = client
    }

    /// S3's rules for new bucket names: 3 to 63 of `a-z`, `0-9`, `.` and `-`, starting and
    /// ending with a letter or digit.
    static func isBucketName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func alphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard (3...63).contains(bytes.count), alphanumeric(bytes.first!), alphanumeric(bytes.last!) else { return false }
        return bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    public var displayName: String { "s3://\(bucket)/\(prefix.text)" }

    /// The base URL and path of an object (or of the bucket, for `nil`).
    private func location(_ key: ObjectKey?) throws -> (URL, String) {
        var objectPath = ""
        if let key {
            objectPath = prefix.text + key.text
            guard objectPath.utf8.count <= ObjectKey.maxByteCount else {
                throw ObjectStoreError(.invalidKey, key: key.text, "with the prefix \(prefix.text) the object name is longer than S3's \(ObjectKey.maxByteCount) bytes")
            }
        }
        if let endpoint = client.configuration.endpoint {
            return (endpoint, "/\(bucket)/" + objectPath)
        }
        return (try AWSClient.publicURL(host: "\(bucket).s3.\(try client.configuration.checkedRegion()).amazonaws.com"), "/" + objectPath)
    }

    public func get(_ key: ObjectKey) async throws -> Data? {
        let (base, path) = try location(key)
        do {
            return try await client.send("GetObject", method: "GET", base: base, path: path).body
        } catch let error as AWSServiceError where error.code == "NoSuchKey" {
            return nil
        }
    }

    public func read(_ key: ObjectKey, range: Range<Int>) async throws -> Data? {
        try await piece(key, range: range, ifMatch: nil)?.data
    }

    /// The bytes of `key` in `range` and the object's ETag; `nil` when there is no object.
    /// With `ifMatch`, an object whose ETag is no longer that one is an error.
    func piece(_ key: ObjectKey, range: Range<Int>, ifMatch etag: String?) async throws -> (data: Data, etag: String?)? {
        precondition(!range.isEmpty && range.lowerBound >= 0, "a read range is not empty and starts at 0 or later")
        let (base, path) = try location(key)
        var headers: [(name: String, value: String)] = [("Range", "bytes=\(range.lowerBound)-\(range.upperBound - 1)")]
        if let etag { headers.append(("If-Match", etag)) }
        do {
            let response = try await client.send("GetObject", method: "GET", base: base, path: path, headers: headers)
            guard response.status != 206 else { return (response.body, response.header("ETag")) }
            // A server that ignores Range sends the whole object: cut the piece out.
            let body = response.body
            let start = min(range.lowerBound, body.count)
            return (Data(body[body.startIndex + start..<body.startIndex + min(range.upperBound, body.count)]), response.header("ETag"))
        } catch let error as AWSServiceError where error.code == "NoSuchKey" {
            return nil
        } catch let error as AWSServiceError where error.code == "InvalidRange" || error.status == 416 {
            // The range starts at or after the end of an object that is there.
            return (Data(), etag)
        } catch let error as AWSServiceError where error.code == "PreconditionFailed" || error.status == 412 {
            throw ObjectStoreError(.unavailable, key: key.text, "the object was replaced while it was read in pieces")
        }
    }

    /// Ranged GETs, each after the first sent with `If-Match` on the first's ETag, so the
    /// pieces are of one version of the object.
    public func chunks(_ key: ObjectKey, size: Int) -> ObjectChunks {
        precondition(size > 0, "a chunk has at least one byte")
        return ObjectChunks { S3ChunkSource(store: self, key: key, size: size) }
    }

    public func put(_ key: ObjectKey, _ data: Data, contentType: String?) async throws {
        let (base, path) = try location(key)
        let headers: [(name: String, value: String)] = contentType.map { [("Content-Type", $0)] } ?? []
        _ = try await client.send("PutObject", method: "PUT", base: base, path: path, headers: headers, body: data)
    }

    public func put(_ key: ObjectKey, fileAt filePath: String, contentType: String?) async throws {
        let (base, path) = try location(key)
        let (size, digest) = try Self.sizeAndDigest(ofFileAt: filePath, key: key)
        guard size <= Self.maxSinglePutBytes else {
            throw ObjectStoreError(.rejected, key: key.text, "\(filePath) is \(size) bytes, more than one S3 PUT takes (5 GB)")
        }
        // URLSession sets Content-Length from the file.
        let headers: [(name: String, value: String)] = contentType.map { [("Content-Type", $0)] } ?? []
        // Allow a slow link: at least 1 MB/s on top of the usual wait.
        let timeout = client.timeout + Double(size) / 1_000_000
        _ = try await client.send(
            "PutObject", method: "PUT", base: base, path: path, headers: headers, bodyFile: filePath, payloadHash: digest, timeout: timeout)
    }

    /// The size and SHA-256 (hex) of a local file, read a megabyte at a time.
    static func sizeAndDigest(ofFileAt path: String, key: ObjectKey) throws(ObjectStoreError) -> (Int, String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw ObjectStoreError(.rejected, key: key.text, "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw ObjectStoreError(.rejected, key: key.text, "\(path) is not a regular file")
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var size = 0
        while true {
            let got = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if got < 0, errno == EINTR { continue }
            if got < 0 { throw ObjectStoreError(.rejected, key: key.text, "cannot read \(path): \(String(cString: strerror(errno)))") }
            if got == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            size += got
        }
        return (size, Hex.encode(hasher.finalize()))
    }

    public func list(prefix subPrefix: ObjectPrefix) async throws -> [StoredObject] {
        let (base, path) = try location(nil)
        var objects: [StoredObject] = []
        var token: String?
        repeat {
            var query: [(name: String, value: String)] = [("list-type", "2"), ("prefix", prefix.text + subPrefix.text)]
            if let token { query.append(("continuation-token", token)) }
            let response = try await client.send("ListObjectsV2", method: "GET", base: base, path: path, query: query)
            let page = S3ListPage(xml: String(decoding: response.body, as: UTF8.self))
            for object in page.objects {
                guard let key = try? ObjectKey(String(decoding: object.name.utf8.dropFirst(prefix.text.utf8.count), as: UTF8.self)) else { continue }
                objects.append(StoredObject(key: key, size: object.size, etag: object.etag, lastModified: object.lastModified))
            }
            token = page.isTruncated ? page.nextToken : nil
        } while token != nil
        return objects.sorted { $0.key < $1.key }
    }

    public func delete(_ key: ObjectKey) async throws {
        let (base, path) = try location(key)
        _ = try await client.send("DeleteObject", method: "DELETE", base: base, path: path)
    }
}

/// The pieces of one S3 object, one version of it.
final class S3ChunkSource: ChunkSource {
    let store: S3ObjectStore
    let key: ObjectKey
    let size: Int
    private var offset = 0
    private var etag: String?
    private var finished = false

    init(store: S3ObjectStore, key: ObjectKey, size: Int) {
        self.store = store
        self.key = key
        self.size = size
    }

    func next() async throws -> Data? {
        guard !finished else { return nil }
        guard let piece = try await store.piece(key, range: offset..<(offset + size), ifMatch: etag) else {
            finished = true
            throw ObjectStoreError(.notFound, key: key.text, offset == 0 ? "no such object in \(store.displayName)" : "the object disappeared while it was read")
        }
        etag = etag ?? piece.etag
        offset += piece.data.count
        if piece.data.count < size { finished = true }
        return piece.data.isEmpty ? nil : piece.data
    }
}

/// One page of a ListObjectsV2 answer.
struct S3ListPage {
    /// One `<Contents>` entry: the object's full name in the bucket.
    struct Entry {
        var name: String
        var size: Int
        var etag: String?
        var lastModified: Date?
    }

    var objects: [Entry] = []
    var isTruncated = false
    var nextToken: String?

    init(xml: String) {
        isTruncated = Self.elements("IsTruncated", in: Substring(xml)).first == "true"
        nextToken = Self.elements("NextContinuationToken", in: Substring(xml)).first
        for block in Self.blocks("Contents", in: Substring(xml)) {
            guard let key = Self.elements("Key", in: block).first else { continue }
            objects.append(Entry(
                name: key, size: Int(Self.elements("Size", in: block).first ?? "") ?? 0,
                etag: Self.elements("ETag", in: block).first,
                lastModified: Self.elements("LastModified", in: block).first.flatMap(Timestamp.parse)))
        }
    }

    /// The inner texts of `<name>…</name>` blocks.
    static func blocks(_ name: String, in xml: Substring) -> [Substring] {
        var found: [Substring] = []
        var rest = xml
        while let open = rest.range(of: "<\(name)>"), let close = rest.range(of: "</\(name)>", range: open.upperBound..<rest.endIndex) {
            found.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The decoded texts of `<name>` elements.
    static func elements(_ name: String, in xml: Substring) -> [String] {
        blocks(name, in: xml).map { decodeEntities(String($0)) }
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = UnicodeScalar(number) { out.unicodeScalars.append(scalar) } else { out += "&\(entity);" }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
