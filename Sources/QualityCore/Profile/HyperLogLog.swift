import Foundation

/// A HyperLogLog distinct-count sketch with 2^precision one-byte registers over 64-bit
/// hashes, read with Ertl's improved estimator (unbiased from one value to billions,
/// no empirical bias table). Merging takes the register-wise maximum, so a merged sketch
/// equals the sketch of the concatenated input exactly.
struct HyperLogLog: Sendable, Hashable {
    let precision: Int
    private(set) var registers: [UInt8]

    init(precision: Int = 16) {
        self.precision = precision
        registers = [UInt8](repeating: 0, count: 1 << precision)
    }

    /// The relative standard error, 1.04/√m.
    var standardError: Double { 1.04 / Double(registers.count).squareRoot() }

    /// The bound ``ColumnProfile`` reports: 2.576 standard errors, which the estimate stays
    /// within with 99% probability.
    var relativeErrorBound: Double { 2.576 * standardError }

    @inline(__always) mutating func add(hash: UInt64) {
        let index = Int(hash >> UInt64(64 - precision))
        let rest = (hash << UInt64(precision)) | (1 << UInt64(precision - 1))
        let rank = UInt8(rest.leadingZeroBitCount + 1)
        if rank > registers[index] { registers[index] = rank }
    }

    mutating func merge(_ other: HyperLogLog) {
        precondition(other.precision == precision, "HyperLogLog precisions differ")
        for index in registers.indices where other.registers[index] > registers[index] {
            registers[index] = other.registers[index]
        }
    }

    /// The estimated number of distinct hashes added.
    var estimate: Double {
        let q = 64 - precision
        let m = Double(registers.count)
        var histogram = [Int](repeating: 0, count: q + 2)
        for register in registers { histogram[Int(register)] += 1 }
        var z = m * Self.tau(1 - Double(histogram[q + 1]) / m)
        for k in stride(from: q, through: 1, by: -1) {
            z = 0.5 * (z + Double(histogram[k]))
        }
        z += m * Self.sigma(Double(histogram[0]) / m)
        return m * m / (2 * log(2.0)) / z
    }

    private static func sigma(_ start: Double) -> Double {
        if start == 1 { return .infinity }
        var x = start
        var y = 1.0
        var z = x
        while true {
            x *= x
            let previous = z
            z += x * y
            y += y
            if z == previous { return z }
        }
    }

    private static func tau(_ start: Double) -> Double {
        if start == 0 || start == 1 { return 0 }
        var x = start
        var y = 1.0
        var z = 1 - x
        while true {
            x = x.squareRoot()
            let previous = z
            y *= 0.5
            z -= (1 - x) * (1 - x) * y
            if z == previous { return z / 3 }
        }
    }
}
