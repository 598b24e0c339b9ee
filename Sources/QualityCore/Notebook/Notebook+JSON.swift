import ReportKit

extension Notebook {
    /// The notebook as nbformat 4.5 JSON (sorted keys, two-space indentation, a final newline).
    public var bytes: [UInt8] {
        Array((JSONWriter.canonical(json) + "\n").utf8)
    }

    public var json: JSONValue {
        .object([
            "cells": .array(cells.map(\.json)),
            "metadata": .object(metadata),
            "nbformat": 4,
            "nbformat_minor": 5,
        ])
    }

    /// Reads a notebook of nbformat 4 (sources and texts as strings or lists of lines).
    ///
    /// - Throws: ``NotebookError`` naming the cell and field that is not as nbformat says.
    public init(bytes: [UInt8]) throws(NotebookError) {
        let document: JSONValue
        do { document = try JSONReader.parse(bytes) } catch { throw NotebookError("not JSON: \(error)") }
        guard document["nbformat"]?.intValue == 4 else { throw NotebookError("nbformat: only version 4 notebooks are read") }
        guard let cells = document["cells"]?.arrayValue else { throw NotebookError("cells: missing or not an array") }
        var read: [Cell] = []
        for (index, cell) in cells.enumerated() {
            read.append(try Cell(json: cell, index: index))
        }
        self.init(cells: read, metadata: document["metadata"]?.objectValue ?? [:])
    }

    /// A multi-line text field: a string, or a list of strings joined as they are.
    static func multiline(_ value: JSONValue?) -> String? {
        if let text = value?.stringValue { return text }
        guard let lines = value?.arrayValue else { return nil }
        return lines.compactMap(\.stringValue).joined()
    }
}

extension Notebook.Cell {
    var json: JSONValue {
        var members: JSONObject = ["cell_type": .string(kind.rawValue), "id": .string(id), "metadata": [:], "source": .string(source)]
        if kind == .code {
            members["execution_count"] = executionCount.map { .number(Double($0)) } ?? .null
            members["outputs"] = .array(outputs.map(\.json))
        }
        return .object(members)
    }

    init(json: JSONValue, index: Int) throws(NotebookError) {
        let place = "cells[\(index)]"
        guard let type = json.memberText("cell_type"), let kind = Kind(rawValue: type) else {
            throw NotebookError("\(place).cell_type: missing or not markdown, code or raw")
        }
        guard let source = Notebook.multiline(json["source"]) else { throw NotebookError("\(place).source: missing or not text") }
        var outputs: [Notebook.Output] = []
        for (position, output) in (json["outputs"]?.arrayValue ?? []).enumerated() {
            outputs.append(try Notebook.Output(json: output, place: "\(place).outputs[\(position)]"))
        }
        self.init(kind: kind, id: json.memberText("id") ?? "cell-\(index + 1)", source: source, outputs: outputs, executionCount: json["execution_count"]?.intValue)
    }
}

extension Notebook.Output {
    var json: JSONValue {
        switch self {
        case let .stream(name, text):
            return ["output_type": "stream", "name": .string(name), "text": .string(text)]
        case .displayData(let representations):
            return ["output_type": "display_data", "data": Self.bundle(representations), "metadata": [:]]
        case let .executeResult(count, representations):
            return ["output_type": "execute_result", "execution_count": count.map { .number(Double($0)) } ?? .null, "data": Self.bundle(representations), "metadata": [:]]
        case let .error(name, value, traceback):
            return ["output_type": "error", "ename": .string(name), "evalue": .string(value), "traceback": .array(traceback.map { .string($0) })]
        }
    }

    static func bundle(_ representations: [Notebook.Representation]) -> JSONValue {
        .object(JSONObject(representations.map { JSONObject.Member(key: $0.mimeType, value: $0.value) }))
    }

    init(json: JSONValue, place: String) throws(NotebookError) {
        switch json.memberText("output_type") {
        case "stream":
            self = .stream(name: json.memberText("name") ?? "stdout", text: Notebook.multiline(json["text"]) ?? "")
        case "display_data":
            self = .displayData(try Self.representations(json["data"], place: place))
        case "execute_result":
            self = .executeResult(count: json["execution_count"]?.intValue, try Self.representations(json["data"], place: place))
        case "error":
            self = .error(name: json.memberText("ename") ?? "", value: json.memberText("evalue") ?? "", traceback: (json["traceback"]?.arrayValue ?? []).compactMap(\.stringValue))
        default:
            throw NotebookError("\(place).output_type: missing or not stream, display_data, execute_result or error")
        }
    }

    static func representations(_ data: JSONValue?, place: String) throws(NotebookError) -> [Notebook.Representation] {
        guard let object = data?.objectValue else { throw NotebookError("\(place).data: missing or not an object") }
        return object.map { member in
            if member.key.hasSuffix("json") { return Notebook.Representation(mimeType: member.key, value: member.value) }
            return Notebook.Representation(mimeType: member.key, text: Notebook.multiline(member.value) ?? JSONWriter.compact(member.value))
        }
    }
}

/// A notebook that is not the nbformat 4 JSON it should be: which field, and why.
public struct NotebookError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "notebook: \(message)" }
}

extension NotebookError: CategorizedError {
    public var category: ErrorCategory { .badInput }
}
