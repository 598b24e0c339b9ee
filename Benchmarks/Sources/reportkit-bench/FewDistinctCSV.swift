import Foundation

/// A CSV whose columns have few distinct values each (years, codes, a count of 100,000
/// values, shares, booleans, dates, places, amounts of 50,000 values): the everyday table,
/// where the profile's value tables stay small and the per-field cost is what counts.
enum FewDistinctCSV {
    /// Writes about `megabytes` MB to `path`; returns the bytes written.
    static func generate(megabytes: Int, to path: String) throws -> Int {
        guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteNoPermission) }
        defer { fclose(file) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let places = ["Bydel Gamle Oslo", "Bydel Grünerløkka", "Sentrum", "Marka", "Nordre Aker"]
        var buffer: [UInt8] = Array("year,district,count,share,flag,day,place,amount\n".utf8)
        var written = 0
        let target = megabytes * 1_000_000
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        while written + buffer.count < target {
            let share = next(10_000), amount = next(50_000)
            let row = "\(2000 + next(21)),\(two(next(17))),\(next(100_000)),\(share / 1000).\(String(share % 1000 + 1000).dropFirst()),"
                + "\(next(2) == 0 ? "True" : "False"),2024-\(two(next(12) + 1))-\(two(next(28) + 1)),\(places[next(places.count)]),"
                + "\(amount / 100).\(two(amount % 100))\n"
            buffer.append(contentsOf: row.utf8)
            if buffer.count >= 1 << 20 {
                fwrite(buffer, 1, buffer.count, file)
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        fwrite(buffer, 1, buffer.count, file)
        return written + buffer.count
    }
}
