import ReportKit

/// A synthetic buildables table of about `itemCount` items shaped like the original's:
/// regions, services, and per region a current plan with a few history versions, dates
/// spread so that some plans slipped or improved inside the window.
struct BuildablesGenerator {
    var itemCount: Int
    var regionCount = 40
    var historyVersions = 4
    /// The share of plans edited inside the report's window (the rest are unchanged).
    var editedShare = 1.0
    /// The "many changes" shape: each service is planned in only some regions (1 to 19 of
    /// them, so nearly every service lacks a plan somewhere), 1 plan in 8 has no date yet,
    /// and 1 in 3 carries a note; with `editedShare` about 2/3 that gives tens of thousands
    /// of slips and improvements and a payload of about 20 MB on 1M items.
    var manyChanges = false
    private var seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(itemCount: Int) { self.itemCount = itemCount }

    /// A reproducible pseudo-random number in `0..<bound` (SplitMix64).
    private mutating func next(_ bound: Int) -> Int {
        seed &+= 0x9E37_79B9_7F4A_7C15
        var z = seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    private func day(_ offset: Int) -> String {
        // Days from 2020-01-01 within 2020 (a leap year), as YYYY-MM-DD.
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var remaining = max(0, min(offset, 365))
        var month = 0
        while remaining >= lengths[month] { remaining -= lengths[month]; month += 1 }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "2020-\(two(month + 1))-\(two(remaining + 1))"
    }

    /// The table as the value a buildables file holds (`items:`).
    mutating func table() -> JSONValue {
        var items: [JSONValue] = [Self.item([
            ("artifact", "NOTIFICATION"), ("instance", "region-slips"), ("updated", "2020-04-20 00:00:00 UTC"),
        ])]
        var regions: [String] = []
        for index in 0..<regionCount {
            let first = Character(UnicodeScalar(UInt8(65 + index / 26 % 26)))
            let second = Character(UnicodeScalar(UInt8(65 + index % 26)))
            regions.append("\(first)\(second)X")
        }
        for region in regions {
            items.append(Self.item([("artifact", "REGION"), ("instance", .string(region + ":v0")), ("date", "2019-06-01"), ("version_instance", 0)]))
        }
        let regionsPerService = manyChanges ? 10 : regionCount
        let perService = 1 + regionsPerService * (1 + historyVersions)
        let services = max(1, (itemCount - items.count) / perService)
        for service in 0..<services {
            let rip = "svc\(service)"
            items.append(Self.item([
                ("artifact", "SERVICE"), ("instance", .string(rip + ":v0")), ("plan", "myplan"), ("version_instance", 0),
                ("name_long", .string("Service \(service)")),
            ]))
            var planned = regions
            if manyChanges {
                let count = 1 + next(19)
                for index in 0..<count { planned.swapAt(index, index + next(regions.count - index)) }
                planned = Array(planned.prefix(count))
            }
            for region in planned {
                let previous = 60 + next(200)
                let edited = next(1000) < Int(editedShare * 1000)
                let current = edited ? previous + next(120) - 60 : previous
                let undated = manyChanges && next(8) == 0
                let note = manyChanges && next(3) == 0 ? "moved after the supplier review \(next(1000))" : ""
                items.append(plan(
                    rip, region, version: 0, date: undated ? nil : current, updated: edited ? 115 + next(6) : 70, note: note))
                for version in 1...historyVersions {
                    let latest = version == historyVersions
                    let updated = latest && edited ? 115 : 40 + version * 10
                    items.append(plan(
                        rip, region, version: version, date: latest ? (undated ? nil : current) : previous,
                        updated: updated, note: latest ? note : ""))
                }
            }
        }
        return Self.item([("items", .array(items))])
    }

    private func plan(_ rip: String, _ region: String, version: Int, date: Int?, updated: Int, note: String = "") -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("artifact", "SERVICE"), ("instance", .string("\(rip):v\(version):\(region)")), ("belongs_to_artifact", "REGION"),
            ("belongs_to_instance", .string(region)), ("plan", "myplan"),
        ]
        if let date { members.append(("date", .string(day(date)))) }
        members += [
            ("updated", .string(day(updated))), ("version_instance", .number(Double(version))),
            ("version_latest", .number(Double(historyVersions))), ("updater", "bench"), ("note", .string(note)),
        ]
        return Self.item(members)
    }

    private static func item(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(uniqueMembers: members.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
}
