/// How a table file is written, from its name or, failing that, its first bytes.
///
/// By name: `.jsonl` and `.ndjson` are JSON Lines; `.tsv` and `.tab` are tab-separated;
/// `.csv` is delimited with the delimiter detected (Oslo's `.csv` files use `;`). Any other
/// name is sniffed: JSON Lines when the first byte that is not whitespace (after a byte order
/// mark) is `{`, else delimited with the dialect detected.
public enum TableFileFormat: Sendable, Hashable {
    /// CSV or TSV; `nil` to detect the dialect from the start of the file.
    case delimited(CSVDialect?)
    case jsonLines

    /// The format a name's extension gives, or `nil` when the name does not say.
    public static func byName(_ name: some StringProtocol) -> TableFileFormat? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "jsonl", "ndjson": return .jsonLines
        case "tsv", "tab": return .delimited(.tsv)
        case "csv": return .delimited(nil)
        default: return nil
        }
    }

    /// The format the first bytes of a file suggest.
    public static func sniff(_ sample: some Collection<UInt8>) -> TableFileFormat {
        var bytes = sample[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "{") ? .jsonLines : .delimited(nil)
    }

    /// The source reading `key` in `store`: by name, else by its first 4 KiB.
    /// Throws ``ObjectStoreError`` (not found) when sniffing finds no object.
    public static func source(store: any ObjectStore, key: ObjectKey, displayName: String? = nil) async throws -> any TableSource {
        let format: TableFileFormat
        if let named = byName(key.name) {
            format = named
        } else {
            guard let sample = try await store.read(key, range: 0..<4096) else {
                throw ObjectStoreError(.notFound, key: key.text, "no such object")
            }
            format = sniff(sample)
        }
        switch format {
        case .jsonLines: return JSONLinesTableSource(store: store, key: key, displayName: displayName)
        case .delimited(let dialect): return DelimitedTableSource(store: store, key: key, dialect: dialect, displayName: displayName)
        }
    }
}
