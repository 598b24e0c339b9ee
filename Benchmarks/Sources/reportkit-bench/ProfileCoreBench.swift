import Foundation
import QualityCore

/// `reportkit-bench profile-core [--rows N] [--types integer,text,…]`: the profile core alone (no reading), one column
/// of each type fed from fields laid end to end in memory; rows/s and MB/s per type, in
/// exact mode (every value distinct: the worst case for memory) and in sketch mode.
enum ProfileCoreBench {
    struct Fields {
        var bytes: [UInt8] = []
        var ends: [Int] = []
    }

    static func fields(of type: ColumnType, rows: Int) -> Fields {
        var state: UInt64 = 0x1234_5678
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var fields = Fields()
        for _ in 0..<rows {
            let text: String
            switch type {
            case .integer: text = String(Int64(bitPattern: next() % 2_000_000_000) - 1_000_000_000)
            case .number: text = String(format: "%.2f", Double(next() % 200_000_000) / 100 - 1_000_000)
            case .boolean: text = next() % 2 == 0 ? "True" : "false"
            case .date: text = String(format: "20%02d-%02d-%02d", Int(next() % 30), Int(next() % 12) + 1, Int(next() % 28) + 1)
            case .timestamp:
                text = String(format: "20%02d-%02d-%02dT%02d:%02d:%02d.%06d", Int(next() % 30), Int(next() % 12) + 1,
                              Int(next() % 28) + 1, Int(next() % 24), Int(next() % 60), Int(next() % 60), Int(next() % 1_000_000))
            case .text: text = "name \(next() % 1_000_000), \"quoted\" ÆØÅ"
            }
            fields.bytes.append(contentsOf: text.utf8)
            fields.ends.append(fields.bytes.count)
        }
        return fields
    }

    static func run(rows: Int, types: [ColumnType] = ColumnType.allCases) throws {
        print("profile core, \(rows) rows per column       exact rows/s     MB/s   sketch rows/s     MB/s")
        for type in types {
            let data = fields(of: type, rows: rows)
            var line = type.rawValue.padding(toLength: 36, withPad: " ", startingAt: 0)
            var finishTimes: [Double] = []
            for limits in [ProfileLimits.exact, ProfileLimits(exactDistinctPerColumn: 10_000)] {
                var profile: TableProfile?
                var profiler = TableProfiler(columns: [ColumnDeclaration(name: "c")], limits: limits)
                let adding = try seconds {
                    try data.bytes.withUnsafeBytes { all in
                        var start = 0
                        for end in data.ends {
                            try profiler.add(UnsafeRawBufferPointer(rebasing: all[start..<end]), column: 0)
                            profiler.endRow()
                            start = end
                        }
                    }
                }
                let finishing = seconds { profile = profiler.finish() }
                let time = adding + finishing
                finishTimes.append(finishing)
                precondition(profile?.columns[0].type == type, "\(type) inferred as \(profile!.columns[0].type)")
                line += String(format: "  %12.0f  %7.1f", Double(rows) / time, Double(data.bytes.count) / time / 1e6)
            }
            print(line + String(format: "   (finish %.3f s, %.3f s)", finishTimes[0], finishTimes[1]))
        }
    }
}
