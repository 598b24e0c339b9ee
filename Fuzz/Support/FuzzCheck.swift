#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the fuzzer with `message` when an invariant fails: libFuzzer sees the abort as a
/// crash and keeps the input that caused it.
func invariant(_ holds: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !holds() else { return }
    var line = "invariant broken: \(message())\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    abort()
}

/// The fuzzer's input as a byte array.
func fuzzBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}
