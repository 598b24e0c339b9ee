import ReportKit

/// One piece of a report's view, shared by its page (`report.html`) and its notebook
/// (`report.ipynb`): each writes the same blocks in its own form.
public enum PageBlock: Sendable, Hashable {
    /// A heading; level 2 for a section, 3 for a table, 4 for a column.
    case heading(String, level: Int, anchor: String? = nil)
    /// A paragraph of text.
    case paragraph(String)
    /// A name–value list (request metadata, a run's figures).
    case facts([Fact])
    case table(PageTable)
    /// Charts side by side (each an `<svg>`), with a line of text saying what they show.
    case charts([HTML], caption: String)
    /// Links to files of the report, relative to its folder.
    case files([FileLink])
    /// What went wrong (a failed report's error).
    case problem(String)

    /// One name and value.
    public struct Fact: Sendable, Hashable {
        public var name: String
        public var value: String
        /// An http(s) or mailto link for the value, when it is one.
        public var link: String?

        public init(name: String, value: String, link: String? = nil) {
            self.name = name
            self.value = value
            self.link = link
        }
    }

    /// A file of the report: its path in the folder, type and size.
    public struct FileLink: Sendable, Hashable {
        public var path: ObjectKey
        public var contentType: ContentType
        public var bytes: Int

        public init(path: ObjectKey, contentType: ContentType, bytes: Int) {
            self.path = path
            self.contentType = contentType
            self.bytes = bytes
        }
    }
}

/// A table of text cells; a column may hold statuses (shown as badges).
public struct PageTable: Sendable, Hashable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]
    /// Columns whose cells are right-aligned numbers.
    public var numericColumns: Set<Int>
    /// The column holding `pass`/`warn`/`fail`/`error` or `ok`/`failed`, drawn as badges.
    public var statusColumn: Int?

    public init(caption: String, header: [String], rows: [[String]], numericColumns: Set<Int> = [], statusColumn: Int? = nil) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
        self.statusColumn = statusColumn
    }
}
