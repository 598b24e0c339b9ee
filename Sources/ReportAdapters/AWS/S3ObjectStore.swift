import Foundation
import ReportKit

/// An ``ObjectStore`` on an S3 bucket under a prefix: `s3://bucket/reports/` stores key
/// `2020-05-01/summary.csv` as the object `reports/2020-05-01/summary.csv`.
///
/// Path-style URLs (`<endpoint>/bucket/key`) for a custom endpoint such as a local server;
/// virtual-hosted (`bucket.s3.<region>.amazonaws.com/key`) for AWS. Listing follows
/// ListObjectsV2's continuation tokens to the end. Keys follow ``FileObjectStore``'s rules,
/// so a report writes the same keys to a directory or a bucket.
public struct S3ObjectStore: ObjectStore {
    public let bucket: String
    /// The key prefix inside the bucket: empty, or ending in `/`.
    public let prefix: String
    public var client: AWSClient

    /// A store for `s3://bucket[/prefix]`.
    public init(url: String, client: AWSClient) throws(ObjectStoreError) {
        guard url.hasPrefix("s3://") else { throw ObjectStoreError(.invalidKey, "not an s3:// URL: \(url)") }
        let rest = url.dropFirst(5)
        let bucket = String(rest.prefix { $0 != "/" })
        guard !bucket.isEmpty else { throw ObjectStoreError(.invalidKey, "no bucket in \(url)") }
        var prefix = String(rest.dropFirst(bucket.count).drop { $0 == "/" })
        if !prefix.isEmpty, !prefix.hasSuffix("/") { prefix += "/" }
        self.bucket = bucket
        self.prefix = prefix
        self.client = client
    }

    public var displayName: String { "s3://\(bucket)/\(prefix)" }

    /// The base URL and path of an object (or of the bucket, for `nil`).
    private func location(_ objectKey: String?) -> (URL, String) {
        if let endpoint = client.configuration.endpoint {
            return (endpoint, "/\(bucket)/" + (objectKey ?? ""))
        }
        let host = URL(string: "https://\(bucket).s3.\(client.configuration.region).amazonaws.com")!
        return (host, "/" + (objectKey ?? ""))
    }

    public func get(_ key: String) async throws -> Data? {
        try FileObjectStore.validate(key)
        let (base, path) = location(prefix + key)
        do {
            return try await client.send("GetObject", method: "GET", base: base, path: path).body
        } catch let error as AWSServiceError where error.code == "NoSuchKey" {
            return nil
        }
    }

    public func put(_ key: String, _ data: Data, contentType: String?) async throws {
        try FileObjectStore.validate(key)
        let (base, path) = location(prefix + key)
        let headers: [(name: String, value: String)] = contentType.map { [("Content-Type", $0)] } ?? []
        _ = try await client.send("PutObject", method: "PUT", base: base, path: path, headers: headers, body: data)
    }

    public func list(prefix subPrefix: String) async throws -> [StoredObject] {
        let (base, path) = location(nil)
        var objects: [StoredObject] = []
        var token: String?
        repeat {
            var query: [(name: String, value: String)] = [("list-type", "2"), ("prefix", prefix + subPrefix)]
            if let token { query.append(("continuation-token", token)) }
            let response = try await client.send("ListObjectsV2", method: "GET", base: base, path: path, query: query)
            let page = S3ListPage(xml: String(decoding: response.body, as: UTF8.self))
            objects += page.objects.map { StoredObject(key: String($0.key.dropFirst(prefix.count)), size: $0.size, etag: $0.etag, lastModified: $0.lastModified) }
            token = page.isTruncated ? page.nextToken : nil
        } while token != nil
        return objects.sorted { $0.key.precedesByCodePoints($1.key) }
    }

    public func delete(_ key: String) async throws {
        try FileObjectStore.validate(key)
        let (base, path) = location(prefix + key)
        _ = try await client.send("DeleteObject", method: "DELETE", base: base, path: path)
    }
}

/// One page of a ListObjectsV2 answer.
struct S3ListPage {
    var objects: [StoredObject] = []
    var isTruncated = false
    var nextToken: String?

    init(xml: String) {
        isTruncated = Self.elements("IsTruncated", in: Substring(xml)).first == "true"
        nextToken = Self.elements("NextContinuationToken", in: Substring(xml)).first
        for block in Self.blocks("Contents", in: Substring(xml)) {
            guard let key = Self.elements("Key", in: block).first else { continue }
            objects.append(StoredObject(
                key: key, size: Int(Self.elements("Size", in: block).first ?? "") ?? 0,
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
