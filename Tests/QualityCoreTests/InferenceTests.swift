import QualityCore
import Testing

/// The type rules: what each list of values is inferred as, and declared types' errors.
@Suite struct InferenceTests {
    struct Case: Sendable, CustomStringConvertible {
        let values: [String]
        let type: ColumnType
        var description: String { "\(values) → \(type)" }
    }

    static let cases: [Case] = [
        Case(values: ["1", "-2", "+3", "007", ""], type: .integer),
        Case(values: ["9223372036854775807", "-9223372036854775808"], type: .integer),
        Case(values: ["9223372036854775808"], type: .number),
        Case(values: ["1", "2.5"], type: .number),
        Case(values: [".5", "5.", "1e3", "-2.5E-3", "+1.0"], type: .number),
        Case(values: ["True", "False", "TRUE", "FALSE", "true", "false"], type: .boolean),
        Case(values: ["yes", "no"], type: .text),
        Case(values: ["tRUE"], type: .text),
        Case(values: ["1", "true"], type: .text),
        Case(values: ["2024-01-01", "2024-02-29"], type: .date),
        Case(values: ["2023-02-29"], type: .text),
        Case(values: ["2024-01-01", "2024-01-01T10:00"], type: .timestamp),
        Case(values: ["2024-01-01 10:00:05.123", "2024-01-01T10:00:05Z", "2024-01-01T10:00+02:00"], type: .timestamp),
        Case(values: ["2024-01-01T25:00"], type: .text),
        Case(values: [" 1"], type: .text),
        Case(values: ["1 "], type: .text),
        Case(values: ["nan", "inf"], type: .text),
        Case(values: ["1,5"], type: .text),
        Case(values: ["", ""], type: .text),
        Case(values: [], type: .text),
    ]

    @Test(arguments: cases)
    func inferred(_ example: Case) throws {
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "c")])
        for value in example.values {
            try profiler.add(value, column: 0)
            profiler.endRow()
        }
        #expect(profiler.finish().columns[0].type == example.type)
    }

    @Test func spellingsOfOneValueAreOneValue() throws {
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "n"), ColumnDeclaration(name: "t")])
        for (number, stamp) in [("1", "2024-01-01T10:00:00Z"), ("1.0", "2024-01-01 12:00+02:00"), ("1e0", "2024-01-01T10:00"), ("-0", "2024-01-02")] {
            try profiler.add(number, column: 0)
            try profiler.add(stamp, column: 1)
            profiler.endRow()
        }
        let columns = profiler.finish().columns
        #expect(columns[0].type == .number)
        #expect(columns[0].distinct.value == 2)
        #expect(columns[0].top == Figure(.number(1)))
        #expect(columns[0].freq == Figure(3))
        #expect(columns[0].min?.description == "0.0")
        #expect(columns[1].distinct.value == 2)
        #expect(columns[1].top?.value.description == "2024-01-01T10:00:00Z")
        #expect(columns[1].max?.description == "2024-01-02T00:00:00Z")
    }

    @Test func declaredTypeFailureNamesRowAndColumn() throws {
        var profiler = TableProfiler(
            columns: [ColumnDeclaration(name: "name"), ColumnDeclaration(name: "age", type: .integer)], firstRow: 41)
        try profiler.add("a", column: 0)
        try profiler.add("3", column: 1)
        profiler.endRow()
        try profiler.add("b", column: 0)
        try profiler.add("", column: 1)  // missing is never a type error
        profiler.endRow()
        try profiler.add("c", column: 0)
        let error = #expect(throws: ProfileError.self) { try profiler.add("3.5", column: 1) }
        #expect(error == ProfileError(row: 43, column: "age", value: "3.5", expected: .integer))
        #expect(error?.description == "row 43, column 'age': '3.5' is not an integer (declared type)")
    }

    @Test(arguments: [(ColumnType.number, "1,5"), (.boolean, "yes"), (.date, "2024-01-01T00:00"), (.timestamp, "noon")])
    func declaredTypesRefuseOtherForms(type: ColumnType, value: String) throws {
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "c", type: type)])
        #expect(throws: ProfileError.self) { try profiler.add(value, column: 0) }
    }

    @Test func declaredTextKeepsNumbersAsText() throws {
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "zip", type: .text)])
        for value in ["0150", "150", "0150"] {
            try profiler.add(value, column: 0)
            profiler.endRow()
        }
        let column = profiler.finish().columns[0]
        #expect(column.type == .text)
        #expect(column.top == Figure(.text("0150")))
        #expect(column.mean == nil)
        #expect(column.lengths == TextLengths(min: 3, mean: 11.0 / 3, max: 4))
    }
}
