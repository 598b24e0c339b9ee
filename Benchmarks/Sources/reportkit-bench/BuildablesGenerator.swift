import ReportKit

/// A synthetic buildables table of about `itemCount` items shaped like the original's:
/// regions, services, and per region a current plan with a few history versions, dates
/// spread so that some plans slipped or improved inside the window.
struct BuildablesGenerator {
    var itemCount: Int
    var regionCount = 40
    var historyVersions = 4
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
        var items: [JSONValue] = [["artifact": "NOTIFICATION", "instance": "region-slips", "updated": "2020-04-20 00:00:00 UTC"]]
        let regions = (0..<regionCount).map { index in
            String(UnicodeScalar(UInt8(65 + index / 26 % 26))) + String(UnicodeScalar(UInt8(65 + index % 26))) + "X"
        }
        for region in regions {
            items.append(["artifact": "REGION", "instance": .string("\(region):v0"), "date": "2019-06-01", "version_instance": 0])
        }
        let perService = 1 + regionCount * (1 + historyVersions)
        let services = max(1, (itemCount - items.count) / perService)
        for service in 0..<services {
            let rip = "svc\(service)"
            items.append(["artifact": "SERVICE", "instance": .string("\(rip):v0"), "plan": "myplan", "version_instance": 0,
                          "name_long": .string("Service \(service)")])
            for region in regions {
                let previous = 60 + next(200)
                let current = previous + next(120) - 60
                func plan(_ version: Int, date: Int, updated: Int) -> JSONValue {
                    ["artifact": "SERVICE", "instance": .string("\(rip):v\(version):\(region)"), "belongs_to_artifact": "REGION",
                     "belongs_to_instance": .string(region), "plan": "myplan", "date": .string(day(date)),
                     "updated": .string(day(updated)), "version_instance": .number(Double(version)),
                     "version_latest": .number(Double(historyVersions)), "updater": "bench", "note": ""]
                }
                items.append(plan(0, date: current, updated: 115 + next(6)))
                for version in 1...historyVersions {
                    let edited = version == historyVersions ? 115 : 40 + version * 10
                    items.append(plan(version, date: version == historyVersions ? current : previous, updated: edited))
                }
            }
        }
        return ["items": .array(items)]
    }
}
