import Foundation

/// A web server's directory listing read into the files it offers.
///
/// Reads the listings that servers generate: IIS's `<pre>` listing on download.bls.gov
/// (`  8/6/2026  8:30 AM          102 <A HREF="/pub/time.series/pr/pr.class">pr.class</A><br>`,
/// `&lt;dir&gt;` for a folder), Apache's autoindex (a table, or `<pre>` with fancy indexing)
/// and nginx's autoindex (`<a href="pr.class">pr.class</a>   06-Aug-2026 08:30   102`). Each
/// row's first link is the entry; the rest of the row's text gives its date and size.
///
/// A link is taken when it resolves to a file below the listing's own URL on the same host;
/// the parent folder, the listing itself, sort links (`?C=N;O=D`) and folders are passed over
/// (folders are not descended). A link outside the listing, or whose name below it would
/// not be a safe object key (`..`, control characters, `%00`), is refused, with the reason.
public struct DirectoryListing: Sendable, Hashable {
    public var entries: [ListingEntry]
    public var refused: [RefusedEntry]

    public init(entries: [ListingEntry], refused: [RefusedEntry]) {
        self.entries = entries
        self.refused = refused
    }

    /// The files the listing page `html`, fetched from `base`, offers, in page order (a name
    /// given twice is taken once).
    public static func parse(_ html: String, base: URL) -> DirectoryListing {
        let folder = Self.folderURL(base)
        var entries: [ListingEntry] = []
        var refused: [RefusedEntry] = []
        var seen = Set<String>()
        for row in HTMLRows.rows(html) {
            guard let link = row.links.first else { continue }
            let hints = Self.hints(row.text)
            switch Self.resolve(link.href, folder: folder) {
            case .ignored:
                continue
            case .refused(let reason):
                refused.append(RefusedEntry(link: link.href, reason: reason))
            case .folder:
                continue
            case .file(let name, let url):
                guard !hints.isFolder else { continue }
                guard seen.insert(name).inserted else { continue }
                entries.append(ListingEntry(name: name, location: url.absoluteString, size: hints.size, date: hints.date))
            }
        }
        return DirectoryListing(entries: entries, refused: refused)
    }

    /// `url` as a folder: itself when its path ends in `/`, else the folder it is in.
    static func folderURL(_ url: URL) -> URL {
        let path = url.path(percentEncoded: true)
        if path.hasSuffix("/") || path.isEmpty {
            return url
        }
        return url.deletingLastPathComponent()
    }

    enum Resolution: Equatable {
        case ignored
        case folder
        case refused(String)
        case file(name: String, url: URL)
    }

    /// What link `href` names relative to the listing `folder`.
    static func resolve(_ href: String, folder: URL) -> Resolution {
        guard !href.isEmpty, !href.hasPrefix("?"), !href.hasPrefix("#") else { return .ignored }
        if href.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return .refused("the link holds a control character")
        }
        guard let resolved = URL(string: href, relativeTo: folder)?.absoluteURL.standardized else {
            return .refused("the link is not a URL")
        }
        guard resolved.scheme?.lowercased() == folder.scheme?.lowercased(), resolved.host?.lowercased() == folder.host?.lowercased(),
              resolved.port == folder.port
        else { return .refused("the link leads to another server") }
        guard resolved.query == nil else { return .ignored }
        let folderPath = folder.standardized.path(percentEncoded: false)
        // The percent-encoded path, so `%2F` and `%2e%2e` are seen for what they decode to.
        let encodedPath = resolved.absoluteURL.path(percentEncoded: true)
        let encodedFolder = folder.standardized.path(percentEncoded: true)
        let encodedFolderPath = encodedFolder.hasSuffix("/") ? encodedFolder : encodedFolder + "/"
        guard encodedPath.hasPrefix(encodedFolderPath) else {
            // The parent folders (and the listing itself) are the usual "up" links.
            let resolvedPath = resolved.path(percentEncoded: false)
            if (folderPath.hasSuffix("/") ? folderPath : folderPath + "/").hasPrefix(resolvedPath.hasSuffix("/") ? resolvedPath : resolvedPath + "/") {
                return .ignored
            }
            return .refused("the link leads outside the listing's folder")
        }
        var relative = String(encodedPath.dropFirst(encodedFolderPath.count))
        guard !relative.isEmpty else { return .ignored }
        let isFolder = relative.hasSuffix("/")
        if isFolder { relative.removeLast() }
        guard let name = relative.removingPercentEncoding else { return .refused("the link's name is not valid percent-encoded UTF-8") }
        if let problem = SyncName.problem(name) { return .refused(problem) }
        return isFolder ? .folder : .file(name: name, url: resolved)
    }

    /// The date, exact size and folder marker in a row's text outside its link.
    static func hints(_ text: String) -> (date: String?, size: Int?, isFolder: Bool) {
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var date: String?
        var size: Int?
        var isFolder = false
        var index = 0
        while index < tokens.count {
            if date == nil, let found = ListingDate.read(tokens[index...]) {
                date = found.date
                index += found.used
                continue
            }
            let token = tokens[index]
            if token.lowercased() == "<dir>" {
                isFolder = true
            } else if size == nil, !token.isEmpty, token.utf8.count <= 18, token.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                size = Int(token)
            }
            index += 1
        }
        return (date, size, isFolder)
    }
}
