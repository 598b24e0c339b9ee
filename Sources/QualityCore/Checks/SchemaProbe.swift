import ReportKit

/// `schema:`: judged from the columns alone, when the table's scan starts.
final class SchemaProbe: CheckProbe {
    let check: SchemaCheck
    private(set) var failed: SchemaViolations?
    private(set) var warned: SchemaViolations?

    init(_ check: SchemaCheck) { self.check = check }

    override func prepare(_ shape: TableShape) throws(CheckFailure) {
        var patterns: [ColumnPattern: SearchPattern] = [:]
        for rules in [check.fail, check.warn].compactMap({ $0 }) {
            for pattern in rules.forbiddenColumns { patterns[pattern] = try SearchPattern(pattern.regex) }
        }
        failed = check.fail.map { SchemaViolations($0, shape: shape, patterns: patterns) }
        warned = check.warn.map { SchemaViolations($0, shape: shape, patterns: patterns) }
    }

    var outcome: CheckOutcome {
        if let failed, !failed.isEmpty { return .fail }
        if let warned, !warned.isEmpty { return .warn }
        return .pass
    }
}

/// What one level of a schema check found wrong.
struct SchemaViolations {
    var missing: [String] = []
    var forbidden: [String] = []
    var wrongType: [(column: String, expected: String, actual: String)] = []
    var wrongIndex: [(column: String, expected: Int, actual: Int)] = []

    init(_ rules: SchemaRules, shape: TableShape, patterns: [ColumnPattern: SearchPattern]) {
        let names = shape.columns.map(\.name)
        func index(_ name: String) -> Int? { names.firstIndex(of: name) }
        for name in rules.requiredColumns where index(name) == nil { missing.append(name) }
        for name in names where rules.forbiddenColumns.contains(where: { patterns[$0]?.matchesStart(of: name) ?? false }) {
            forbidden.append(name)
        }
        for (column, type) in rules.columnTypes {
            guard let position = index(column) else {
                if !missing.contains(column) { missing.append(column) }
                continue
            }
            if !shape.typeNames(position).contains(type.lowercased()) {
                wrongType.append((column, type, shape.typeName(position)))
            }
        }
        for (column, expected) in rules.columnIndexes {
            guard let position = index(column) else {
                if !missing.contains(column) { missing.append(column) }
                continue
            }
            if position != expected { wrongIndex.append((column, expected, position)) }
        }
    }

    var isEmpty: Bool { missing.isEmpty && forbidden.isEmpty && wrongType.isEmpty && wrongIndex.isEmpty }
    var count: Int { missing.count + forbidden.count + wrongType.count + wrongIndex.count }

    var json: JSONValue {
        var members: [JSONObject.Member] = []
        if !missing.isEmpty { members.append(.init(key: "missing_columns", value: .array(missing.map(JSONValue.string)))) }
        if !forbidden.isEmpty { members.append(.init(key: "forbidden_columns", value: .array(forbidden.map(JSONValue.string)))) }
        if !wrongType.isEmpty {
            members.append(.init(key: "wrong_types", value: .array(wrongType.map {
                ["column": .string($0.column), "expected": .string($0.expected), "actual": .string($0.actual)]
            })))
        }
        if !wrongIndex.isEmpty {
            members.append(.init(key: "wrong_indexes", value: .array(wrongIndex.map {
                ["column": .string($0.column), "expected": .number(Double($0.expected)), "actual": .number(Double($0.actual))]
            })))
        }
        return .object(JSONObject(members))
    }
}
