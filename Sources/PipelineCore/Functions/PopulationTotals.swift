extension Population {
    /// One population total: its year and place (with names; a district's has an empty
    /// sub-district, Oslo's is `00`, `Oslo i alt`) and the sum.
    struct Total {
        var place: YearAndPlace
        var population: Double

        /// The year and place without names, as the aggregated row's `yearAndPlace()`.
        var yearAndPlace: YearAndPlace {
            var key = place
            (key.districtName, key.subDistrictName) = ("", "")
            return key
        }
    }

    /// The totals `Aggregation(rules: ["population": .sum]).aggregate(bySubDistrict(rows))`
    /// gives, in its order (sub-districts, districts, Oslo, each sorted by year, ids and
    /// names) and summed in its order, so each total is the same number to the last bit; but
    /// without making a row per group or hashing group keys level by level. Rows of the
    /// districts in `leavingOut` count nowhere (as if left out of `bySubDistrict`'s rows).
    static func totals(_ rows: [StatisticsRow], leavingOut: Set<String> = []) -> [Total] {
        // Each sub-district's sum, over its rows in file order (as `bySubDistrict`).
        let (places, sums) = subDistrictSums(rows, leavingOut: leavingOut)
        // The first pair that differs decides, by code points; `nil` when all are equal.
        func precedes(_ left: String, _ right: String) -> Bool? { left == right ? nil : left.precedesByCodePoints(right) }
        // The districts add their sub-districts in `bySubDistrict`'s order.
        let rowOrder = inRowOrder(places)
        var districts: [YearAndPlace] = []
        var districtSums: [Double] = []
        var districtSlot: [YearAndPlace: Int] = [:]
        for position in rowOrder {
            var key = places[position]
            key.subDistrictID = ""
            key.subDistrictName = ""
            if let known = districtSlot[key] {
                districtSums[known] += sums[position]
            } else {
                districtSlot[key] = districts.count
                districts.append(key)
                districtSums.append(0 + sums[position])
            }
        }
        // Each level's groups sorted by year, ids and names (`Aggregation.GroupKey`'s order),
        // the pairs compared one by one (no array of them made for each comparison).
        func byGroup(_ keys: [YearAndPlace]) -> [Int] {
            keys.indices.sorted { lhs, rhs in
                let (lhs, rhs) = (keys[lhs], keys[rhs])
                if lhs.date != rhs.date { return lhs.date < rhs.date }
                return precedes(lhs.districtID, rhs.districtID) ?? precedes(lhs.districtName, rhs.districtName)
                    ?? precedes(lhs.subDistrictID, rhs.subDistrictID) ?? precedes(lhs.subDistrictName, rhs.subDistrictName) ?? false
            }
        }
        var totals = byGroup(places).map { Total(place: places[$0], population: sums[$0]) }
        totals.reserveCapacity(places.count + districts.count * 2)
        var oslo: [Total] = []
        for position in byGroup(districts) {
            totals.append(Total(place: districts[position], population: districtSums[position]))
            // Oslo adds the sorted districts of each year; years come in order.
            if oslo.last?.place.date != districts[position].date {
                var place = districts[position]
                (place.districtID, place.districtName) = ("00", "Oslo i alt")
                oslo.append(Total(place: place, population: 0))
            }
            oslo[oslo.count - 1].population += districtSums[position]
        }
        return totals + oslo
    }
}
