import Foundation
import ReportKit

/// Timestamp round trip: an instant `Timestamp.parse` accepts is in `Timestamp.range`, and
/// each formatter's text parses back to an instant that formats to the same text; the
/// whole-second ISO form gives the instant rounded down to the second.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimestamp(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let instant = Timestamp.parse(text) else { return 0 }
    invariant(Timestamp.range.contains(instant), "\(text) parsed to \(instant.timeIntervalSince1970), outside Timestamp.range")
    let formats: [(String, (Date) -> String)] = [
        ("iso8601", Timestamp.iso8601), ("secondUTC", Timestamp.secondUTC),
        ("minuteUTC", Timestamp.minuteUTC), ("day", Timestamp.day),
    ]
    for (name, format) in formats {
        let written = format(instant)
        guard let again = Timestamp.parse(written) else {
            invariant(false, "\(text): Timestamp.\(name) wrote \(written), which does not parse")
            return 0
        }
        invariant(format(again) == written, "\(text): Timestamp.\(name) not stable: \(written) → \(format(again))")
    }
    let whole = Timestamp.parse(Timestamp.iso8601(instant))!.timeIntervalSince1970
    invariant(whole == instant.timeIntervalSince1970.rounded(.down),
              "\(text): iso8601 gives \(whole), not \(instant.timeIntervalSince1970) rounded down")
    return 0
}
