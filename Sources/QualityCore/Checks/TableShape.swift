import ReportKit

/// A dataset's columns as checks see them: names, how cells are read, declared types.
struct TableShape {
    let dataset: String
    let displayName: String
    let columns: [SourceColumn]
    let kinds: [CellKind]
    let declared: [String: ColumnType]
    private let indexes: [String: Int]

    init(dataset: String, displayName: String, columns: [SourceColumn], declared: [String: ColumnType]) {
        self.dataset = dataset
        self.displayName = displayName
        self.columns = columns
        self.declared = declared
        self.kinds = columns.map { CellKind(declared[$0.name] ?? Self.type(of: $0.declaredType)) }
        var indexes: [String: Int] = [:]
        for (index, column) in columns.enumerated() where indexes[column.name] == nil { indexes[column.name] = index }
        self.indexes = indexes
    }

    /// Column `name`'s index, or the reason it has none.
    func index(of name: String) -> Result<Int, CheckFailure> {
        if let index = indexes[name] { return .success(index) }
        let names = columns.map(\.name).joined(separator: ", ")
        return .failure(CheckFailure("\(dataset) has no column '\(name)' (its columns: \(names))"))
    }

    /// The type names column `index` answers to in a schema check, lower case.
    func typeNames(_ index: Int) -> Set<String> {
        let column = columns[index]
        if let type = declared[column.name] { return Self.aliases(of: type) }
        if let declaredType = column.declaredType {
            let name = declaredType.lowercased().trimmingSpaces
            if let type = Self.type(of: declaredType) { return Self.aliases(of: type).union([String(name)]) }
            return [String(name)]
        }
        return Self.aliases(of: .text)
    }

    /// The type shown for column `index` in a schema check's details.
    func typeName(_ index: Int) -> String {
        let column = columns[index]
        if let type = declared[column.name] { return type.rawValue }
        return column.declaredType ?? "text"
    }

    /// The SQL names (Soda's on duckdb, and common ones) of each declared type.
    static func aliases(of type: ColumnType) -> Set<String> {
        switch type {
        case .integer: return ["integer", "int", "bigint", "smallint", "tinyint", "int64", "int8", "int4"]
        case .number: return ["number", "double", "double precision", "float", "float8", "real"]
        case .boolean: return ["boolean", "bool"]
        case .date: return ["date"]
        case .timestamp: return ["timestamp", "timestamp without time zone", "datetime"]
        case .text: return ["text", "varchar", "character varying", "string"]
        }
    }

    /// The ReportKit type of a source's declared SQL type, when it is one of the aliases.
    static func type(of declaredType: String?) -> ColumnType? {
        guard let declaredType else { return nil }
        let name = String(declaredType.lowercased().trimmingSpaces)
        return ColumnType.allCases.first { aliases(of: $0).contains(name) }
    }
}

/// Why one check has no value: the reason its `error` result gives.
struct CheckFailure: Error, Hashable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
