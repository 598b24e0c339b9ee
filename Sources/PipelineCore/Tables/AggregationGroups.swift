import ReportKit

extension Aggregation {
    /// The level a group is made at: which rows count, and what a group's key is.
    enum Level {
        case subDistrict, district, oslo

        func includes(_ row: StatisticsRow) -> Bool {
            switch self {
            case .subDistrict:
                return row.districtID != nil && row.districtName != nil && row.subDistrictID != nil && row.subDistrictName != nil
            case .district: return row.districtID != nil && row.districtName != nil
            case .oslo: return true
            }
        }

        /// A group's row, before its sums: its year and place from the group's first row.
        func row(from first: StatisticsRow) -> StatisticsRow {
            switch self {
            case .subDistrict:
                return StatisticsRow(date: first.date, districtID: first.districtID, districtName: first.districtName,
                                     subDistrictID: first.subDistrictID, subDistrictName: first.subDistrictName)
            case .district:
                return StatisticsRow(date: first.date, districtID: first.districtID, districtName: first.districtName,
                                     subDistrictID: nil, subDistrictName: nil)
            case .oslo:
                return StatisticsRow(date: first.date, districtID: "00", districtName: "Oslo i alt", subDistrictID: nil, subDistrictName: nil)
            }
        }
    }

    /// A group: the year, the place's ids and names at the level (the rest `nil`), and the
    /// extra keys' values joined by U+001F (below every printable character, so joined values
    /// sort as the list would).
    struct GroupKey: Hashable {
        var date: Int
        var districtID, districtName, subDistrictID, subDistrictName: String?
        var extra: String

        init(_ row: StatisticsRow, level: Level, extraKeys: [String]) {
            date = row.date
            if level != .oslo {
                districtID = row.districtID
                districtName = row.districtName
            }
            if level == .subDistrict {
                subDistrictID = row.subDistrictID
                subDistrictName = row.subDistrictName
            }
            extra = extraKeys.count == 1 ? row.keys[extraKeys[0]] ?? "" : extraKeys.map { row.keys[$0] ?? "" }.joined(separator: "\u{1F}")
        }

        var texts: [String] {
            [districtID, districtName, subDistrictID, subDistrictName].compactMap { $0 }
                + (extra.isEmpty ? [] : extra.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init))
        }

        /// Names follow from ids, so hashing the ids is enough (equality still compares all).
        func hash(into hasher: inout Hasher) {
            var key = KeyHash()
            key.add(date)
            key.add(districtID)
            key.add(subDistrictID)
            key.add(extra)
            key.feed(into: &hasher)
        }

        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            if lhs.districtID != rhs.districtID { return (lhs.districtID ?? "").precedesByCodePoints(rhs.districtID ?? "") }
            if lhs.districtName != rhs.districtName { return (lhs.districtName ?? "").precedesByCodePoints(rhs.districtName ?? "") }
            if lhs.subDistrictID != rhs.subDistrictID { return (lhs.subDistrictID ?? "").precedesByCodePoints(rhs.subDistrictID ?? "") }
            if lhs.subDistrictName != rhs.subDistrictName {
                return (lhs.subDistrictName ?? "").precedesByCodePoints(rhs.subDistrictName ?? "")
            }
            return lhs.extra.precedesByCodePoints(rhs.extra)
        }
    }
}
