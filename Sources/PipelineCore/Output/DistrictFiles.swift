import ReportKit

/// The files a bydelsfakta function writes: one per district (its sub-districts, itself,
/// and Oslo as the total row) and `00` for Oslo i alt (every district but 16, 17 and 99).
public struct DistrictFiles: Sendable {
    public var series: [String]
    public var template: ValueTemplate
    public var metadata: GraphMetadata

    public init(series: [String], template: ValueTemplate, metadata: GraphMetadata) {
        self.series = series
        self.template = template
        self.metadata = metadata
    }

    static let outsideDistricts: Set<String> = ["16", "17", "99"]

    /// The output objects, districts in order of first appearance, then `00`.
    public func generate(_ rows: [StatisticsRow], publishedDate: String) throws(PipelineError) -> [JSONValue] {
        let columns = SeriesColumns(series, in: rows.first?.indexedColumns.index ?? .empty)
        // Oslo's values appear in every file and each district's in its own file and in 00's:
        // made once per set of rows, then shared.
        var made: [[Int]: JSONValue] = [:]
        func entry(_ positions: [Int], district: String, id: String, name: String) throws(PipelineError) -> JSONValue {
            let values: JSONValue
            if let known = made[positions] {
                values = known
            } else {
                values = try template.json(positions.map { rows[$0] }, series: columns)
                made[positions] = values
            }
            return self.entry(values, district: district, id: id, name: name)
        }
        let oslo = rows.indices.filter { rows[$0].districtID == "00" }
        var files: [JSONValue] = []
        for (district, own) in Self.grouped(Array(rows.indices), in: rows, by: \.districtID)
        where !Self.outsideDistricts.contains(district) && district != "00" {
            guard let name = own.lazy.compactMap({ rows[$0].districtName }).first else {
                throw PipelineError.badInput("district \(district) has no name (bydel_navn)")
            }
            var data: [JSONValue] = []
            for (sub, subRows) in Self.grouped(own, in: rows, by: \.subDistrictID) {
                let names = Self.unique(subRows.map { rows[$0].subDistrictName ?? "" })
                guard names.count == 1 else { throw PipelineError.badInput("sub-district \(sub) has several names: \(names.joined(separator: ", "))") }
                data.append(try entry(subRows, district: district, id: sub, name: names[0]))
            }
            data.append(try entry(own.filter { rows[$0].subDistrictID == nil }, district: district, id: district, name: name))
            data.append(try entry(oslo, district: district, id: "00", name: name))
            files.append(["district": .string(name), "id": .string(district), "data": .array(data), "meta": metadata.json(publishedDate: publishedDate)])
        }
        let wholeDistricts = rows.indices.filter { rows[$0].subDistrictName == nil }
        var data: [JSONValue] = []
        for (district, own) in Self.grouped(wholeDistricts, in: rows, by: \.districtID) where !Self.outsideDistricts.contains(district) {
            let names = Self.unique(own.map { rows[$0].districtName ?? "" })
            guard names.count == 1 else { throw PipelineError.badInput("district \(district) has several names: \(names.joined(separator: ", "))") }
            data.append(try entry(own, district: "00", id: district, name: names[0]))
        }
        files.append(["district": "Oslo i alt", "id": "00", "data": .array(data), "meta": metadata.json(publishedDate: publishedDate, scope: "oslo i alt")])
        return files
    }

    /// One geography's entry. Districts are average rows in a district file; Oslo is the total row.
    private func entry(_ values: JSONValue, district: String, id: String, name: String) -> JSONValue {
        let isOslo = id == "00"
        let avgRow = id.count == 2 && !isOslo && district != "00"
        return ["id": .string(id), "geography": .string(isOslo ? "Oslo i alt" : name), "values": values, "avgRow": .bool(avgRow), "totalRow": .bool(isOslo)]
    }

    /// The positions grouped by the rows' `key` (rows without one left out), groups in order
    /// of first appearance: one pass, instead of filtering every row for every group.
    private static func grouped(_ positions: [Int], in rows: [StatisticsRow], by key: (StatisticsRow) -> String?) -> [(key: String, positions: [Int])] {
        var groups: [(key: String, positions: [Int])] = []
        var slot: [String: Int] = [:]
        for position in positions {
            guard let value = key(rows[position]) else { continue }
            if let existing = slot[value] {
                groups[existing].positions.append(position)
            } else {
                slot[value] = groups.count
                groups.append((value, [position]))
            }
        }
        return groups
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
