import ReportKit

/// `flyttehyppighet_inn_kat`: moves into and out of each district by age group and
/// immigration category (immigrants, born in Norway to immigrant parents, others), within the
/// district, between districts and to or from Oslo, per year (`historisk`) or for the latest
/// year (`status`).
enum FlyttehyppighetInnKat {
    static let age = "aldersgruppe_5_aar"
    static let category = "innvandringskategori"
    static let categories = [("Innvandrer", "innvandrer"), ("Norskfødte med innv.foreldre", "norskfødt"), ("Øvrige", "øvrige")]
    static let moves: [(name: String, columns: [(String, String)])] = [
        ("immigration", [("mellomBydel", "innflytting_mellom_bydeler"), ("tilFraOslo", "innflytting_til_oslo"), ("innenforBydel", "innflytting_innenfor_bydelen")]),
        ("emigration", [("mellomBydel", "utflytting_mellom_bydeler"), ("tilFraOslo", "utflytting_fra_oslo"), ("innenforBydel", "utflytting_innenfor_bydelen")]),
    ]

    static let function = BydelsfaktaFunction(
        name: "flyttehyppighet_inn_kat", inputs: ["flytting-fra-etter-inn-kat", "flytting-til-etter-inn-kat"], keyColumns: [age, category],
        numbers: [
            "flytting-fra-etter-inn-kat": .named(["utflytting_fra_oslo", "utflytting_innenfor_bydelen", "utflytting_mellom_bydeler"]),
            "flytting-til-etter-inn-kat": .named(["innflytting_innenfor_bydelen", "innflytting_mellom_bydeler", "innflytting_til_oslo"]),
        ],
        types: ["historisk", "status"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let outward = tables["flytting-fra-etter-inn-kat"] ?? [], inward = tables["flytting-til-etter-inn-kat"] ?? []
        let status = type == "status"
        // A status shows the latest year the joined rows have: the latest both files have,
        // when a row of it joins and it has every column shown (each year is joined and summed
        // apart; a column only other years have would be 0 there, not missing); else all years.
        var rows: [StatisticsRow] = []
        if status, let latest = Years.latestShared([outward, inward]) {
            rows = try aggregated(from: latest[0], to: latest[1])
            let index = rows.first?.indexedColumns.index ?? .empty
            let shown = moves.flatMap(\.columns).flatMap { column in categories.map { "\(column.1)|\($0.0)" } }
            if !shown.allSatisfy({ index.position(of: $0) != nil }) || !rows.allSatisfy({ $0.indexedColumns.index === index }) { rows = [] }
        }
        if rows.isEmpty { rows = try aggregated(from: outward, to: inward) }
        let selected = status ? try Years.status([rows])[0] : Years.historic([rows])[0]
        let metadata = GraphMetadata(heading: "Flytting med innvandringskategorier", series: [("Flytting med innvandringskategorier", "")])
        let template = ValueTemplate.custom { rows throws(PipelineError) in
            let years = yearValues(rows)
            if status {
                guard years.count == 1 else { throw PipelineError.badInput("the status of \(rows.first?.districtID ?? "?") spans \(years.count) years") }
                return years[0]
            }
            return .array(years)
        }
        return try DistrictFiles(series: [], template: template, metadata: metadata).generate(selected, publishedDate: publishedDate)
    }

    /// Moves out and in joined per year, district, age group and category; the categories
    /// spread into columns `<move>|<category>`; summed to districts and Oslo; totals added.
    ///
    /// The spread columns are numbered as they first appear and kept in one shared
    /// ``ColumnIndex``, so that the sums and the lookups go by position: by name, every row's
    /// 18 columns were found by comparing names, for every column, at every level.
    static func aggregated(from outward: [StatisticsRow], to inward: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        struct Join: Hashable {
            var date: Int
            var districtID, districtName: String?
            var age, category: String?
            /// Names follow from ids, so the name is left out of the hash (equality still compares it).
            func hash(into hasher: inout Hasher) {
                var key = KeyHash()
                key.add(date)
                key.add(districtID)
                key.add(age)
                key.add(category)
                key.feed(into: &hasher)
            }
        }
        func join(_ row: StatisticsRow) -> Join {
            Join(date: row.date, districtID: row.districtID, districtName: row.districtName, age: row.keys[age], category: row.keys[category])
        }
        var inByKey: [Join: StatisticsRow] = [:]
        inByKey.reserveCapacity(inward.count)
        for row in inward { inByKey[join(row)] = row }
        var spread = SpreadColumns()
        var placeSlot: [Join: Int] = [:]
        var places: [(first: StatisticsRow, values: [Double])] = []
        for row in outward {
            let key = join(row)
            guard let match = inByKey[key] else { continue }
            let place = Join(date: key.date, districtID: key.districtID, districtName: key.districtName, age: key.age, category: nil)
            let slot: Int
            if let known = placeSlot[place] {
                slot = known
            } else {
                slot = places.count
                placeSlot[place] = slot
                places.append((row, []))
            }
            let name = key.category ?? ""
            for source in [row, match] {
                let (targets, values) = spread.targets(of: source, category: name)
                if places[slot].values.count < spread.names.count {
                    places[slot].values += Array(repeating: .nan, count: spread.names.count - places[slot].values.count)
                }
                for (target, value) in zip(targets, values) {
                    let sum = places[slot].values[target]
                    places[slot].values[target] = (sum.isNaN ? 0 : sum) + (value.isNaN ? 0 : value)
                }
            }
        }
        let index = ColumnIndex(spread.names)
        let pivoted = places.map { place in
            let row = place.first
            return StatisticsRow(
                date: row.date, districtID: row.districtID, districtName: row.districtName, subDistrictID: nil, subDistrictName: nil,
                keys: [age: row.keys[age] ?? ""], columns: index,
                values: place.values + Array(repeating: .nan, count: spread.names.count - place.values.count))
        }
        var rows = try Aggregation(extraKeys: [age]).aggregate(pivoted)
        let totals = moves.flatMap(\.columns).map { move in
            (name: "\(move.1)|Total", parts: ColumnLookup(categories.map { "\(move.1)|\($0.0)" }, in: index))
        }
        for position in rows.indices {
            for total in totals {
                rows[position][total.name] = total.parts.names.indices.map { rows[position][total.parts, $0] }.filter { !$0.isNaN }.reduce(0, +)
            }
        }
        return rows
    }

    /// The spread columns `<column>|<category>` in order of first appearance, and for each
    /// input file and category, where its columns go.
    struct SpreadColumns {
        var names: [String] = []
        private var position: [String: Int] = [:]
        private var known: [Target: [Int]] = [:]

        private struct Target: Hashable {
            var file: ObjectIdentifier
            var category: String
        }

        /// The spread positions of `row`'s columns for `category`, and the row's values in the
        /// same order.
        mutating func targets(of row: StatisticsRow, category: String) -> (positions: [Int], values: [Double]) {
            let (index, values) = row.indexedColumns
            if row.addedColumnNames.isEmpty, let cached = known[Target(file: ObjectIdentifier(index), category: category)] {
                return (cached, values)
            }
            let columns = row.columnNames
            let positions = columns.map { column in
                let name = "\(column)|\(category)"
                if let existing = position[name] { return existing }
                position[name] = names.count
                names.append(name)
                return names.count - 1
            }
            if row.addedColumnNames.isEmpty {
                known[Target(file: ObjectIdentifier(index), category: category)] = positions
                return (positions, values)
            }
            return (positions, columns.map { row[$0] })
        }
    }

    /// Per year: `{year, immigration: [per age group], emigration: [per age group]}`.
    static func yearValues(_ rows: [StatisticsRow]) -> [JSONValue] {
        let years = Set(rows.map(\.date)).sorted()
        let index = rows.first?.indexedColumns.index ?? .empty
        let lookups = moves.map { move in
            move.columns.map { column in ColumnLookup(categories.map { "\(column.1)|\($0.0)" } + ["\(column.1)|Total"], in: index) }
        }
        return years.map { year in
            let ofYear = rows.filter { $0.date == year }
            var value: JSONObject = ["year": .number(Double(year))]
            for (move, columnLookups) in zip(moves, lookups) {
                value[move.name] = .array(ofYear.map { row in
                    var entry: JSONObject = ["alder": .string(row.keys[age] ?? "")]
                    for ((label, _), lookup) in zip(move.columns, columnLookups) {
                        var counts = JSONObject()
                        for (slot, category) in categories.enumerated() { counts[category.1] = .number(row[lookup, slot]) }
                        counts["totalt"] = .number(row[lookup, categories.count])
                        entry[label] = .object(counts)
                    }
                    return .object(entry)
                })
            }
            return .object(value)
        }
    }
}
