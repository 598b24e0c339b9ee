import Foundation

/// The content type a synced file is stored with, so readers of the store (boto3, a browser,
/// the quality run) see what it is: from its name's extension; else the server's type when it
/// says more than "text" or "bytes"; else from its first bytes. BLS data files
/// (`pr.data.0.Current`, `pr.class`: tab-separated, no extension) are
/// `text/tab-separated-values`.
public enum SyncContentType {
    static let byExtension: [String: String] = [
        "json": "application/json", "geojson": "application/geo+json", "jsonl": "application/x-ndjson", "ndjson": "application/x-ndjson",
        "csv": "text/csv", "tsv": "text/tab-separated-values", "tab": "text/tab-separated-values", "txt": "text/plain",
        "html": "text/html", "htm": "text/html", "xml": "application/xml", "yaml": "application/yaml", "yml": "application/yaml",
        "zip": "application/zip", "gz": "application/gzip", "parquet": "application/vnd.apache.parquet",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf",
    ]

    static let vague: Set<String> = ["text/plain", "application/octet-stream", "binary/octet-stream", "application/x-download"]

    /// The type for a file `name` whose server said `served` (the `Content-Type` header, if
    /// any) and whose bytes begin with `head`.
    public static func of(name: String, served: String?, head: Data) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        if let dot = last.lastIndex(of: "."), let known = byExtension[last[last.index(after: dot)...].lowercased()] {
            return known
        }
        if let served {
            let bare = served.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if !bare.isEmpty, !vague.contains(bare) { return bare }
        }
        return sniff(head)
    }

    /// From the first bytes: JSON, tab-separated text (a tab in the first line), other text,
    /// or bytes.
    static func sniff(_ head: Data) -> String {
        let sample = head.prefix(8192)
        guard !sample.isEmpty else { return "application/octet-stream" }
        guard !sample.contains(0), String(validating: Array(trimmedUTF8(sample)), as: UTF8.self) != nil else {
            return "application/octet-stream"
        }
        let firstByte = sample.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") { return "application/json" }
        let firstLine = sample.prefix { $0 != 0x0A }
        if firstLine.contains(0x09) { return "text/tab-separated-values" }
        return "text/plain"
    }

    /// `sample` without a UTF-8 sequence cut at its end.
    static func trimmedUTF8(_ sample: Data) -> Data {
        var end = sample.endIndex
        var back = 0
        while end > sample.startIndex, back < 3, sample[end - 1] & 0xC0 == 0x80 { end -= 1; back += 1 }
        if end > sample.startIndex, sample[end - 1] >= 0xC0 { end -= 1 }
        return sample[sample.startIndex..<end]
    }
}
