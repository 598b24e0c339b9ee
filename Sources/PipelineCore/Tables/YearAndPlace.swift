/// The year and place of a row, to join tables on: the year, the district and the
/// sub-district, and their names too when made `withNames`. A missing id or name counts as
/// empty, so rows with none and rows with an empty one join.
public struct YearAndPlace: Hashable, Sendable {
    public var date: Int
    public var districtID: String
    public var subDistrictID: String
    /// The district's and sub-district's names, or empty when the key leaves names out.
    public var districtName: String
    public var subDistrictName: String

    public init(_ row: StatisticsRow, withNames: Bool = false) {
        date = row.date
        districtID = row.districtID ?? ""
        subDistrictID = row.subDistrictID ?? ""
        districtName = withNames ? row.districtName ?? "" : ""
        subDistrictName = withNames ? row.subDistrictName ?? "" : ""
    }

    /// A year and place given by parts; the sub-district's id and name empty unless given.
    init(date: Int, districtID: String, districtName: String = "", subDistrictID: String = "", subDistrictName: String = "") {
        self.date = date
        self.districtID = districtID
        self.subDistrictID = subDistrictID
        self.districtName = districtName
        self.subDistrictName = subDistrictName
    }

    /// Names follow from ids, so hashing the ids is enough (equality still compares all).
    public func hash(into hasher: inout Hasher) {
        var key = KeyHash()
        key.add(date)
        key.add(districtID)
        key.add(subDistrictID)
        key.feed(into: &hasher)
    }
}
