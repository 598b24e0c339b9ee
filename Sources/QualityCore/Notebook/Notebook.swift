import ReportKit

/// A Jupyter notebook (nbformat 4.5) as values: what ReportKit writes (`report.ipynb`) and
/// what the `notebook` report kind reads and renders.
public struct Notebook: Sendable, Hashable {
    public var cells: [Cell]
    /// The notebook's `metadata` (kernel and language).
    public var metadata: JSONObject

    /// A Python 3 notebook's metadata.
    public static let pythonMetadata: JSONObject = [
        "kernelspec": ["display_name": "Python 3", "language": "python", "name": "python3"],
        "language_info": ["name": "python"],
    ]

    public init(cells: [Cell], metadata: JSONObject = Notebook.pythonMetadata) {
        self.cells = cells
        self.metadata = metadata
    }

    /// One cell. `id` follows nbformat 4.5: 1 to 64 of `A-Z a-z 0-9 - _`.
    public struct Cell: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case markdown, code, raw
        }
        public var kind: Kind
        public var id: String
        public var source: String
        /// A code cell's outputs.
        public var outputs: [Output]
        public var executionCount: Int?

        public init(kind: Kind, id: String, source: String, outputs: [Output] = [], executionCount: Int? = nil) {
            self.kind = kind
            self.id = id
            self.source = source
            self.outputs = outputs
            self.executionCount = executionCount
        }
    }

    /// One output of a code cell.
    public enum Output: Sendable, Hashable {
        /// `stdout` or `stderr` text.
        case stream(name: String, text: String)
        /// `display_data`: one representation per media type, in the order given.
        case displayData([Representation])
        /// `execute_result` of the cell's run number `count`.
        case executeResult(count: Int?, [Representation])
        case error(name: String, value: String, traceback: [String])
    }

    /// One media type's content: text (`text/plain`, `text/html`, `image/svg+xml`, base64
    /// `image/png`), or JSON for a JSON type.
    public struct Representation: Sendable, Hashable {
        public var mimeType: String
        public var value: JSONValue

        public init(mimeType: String, text: String) {
            self.mimeType = mimeType
            self.value = .string(text)
        }

        public init(mimeType: String, value: JSONValue) {
            self.mimeType = mimeType
            self.value = value
        }

        /// The content as text (a JSON type as compact JSON).
        public var text: String {
            value.stringValue ?? JSONWriter.compact(value)
        }
    }
}
