import ReportKit

/// YAML round trip: a document that reads as a value, written with `YAML.emit`, reads back
/// as the same value (NaN, which `.nan` gives, counting as equal to itself).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let value = try? YAML.value(fuzzBytes(data, size)) else { return 0 }
    let emitted = YAML.emit(value)
    let again: JSONValue
    do { again = try YAML.value(emitted) } catch {
        invariant(false, "YAML.emit wrote text YAML does not read back:\n\(emitted)\n\(error)")
        return 0
    }
    invariant(sameValue(again, value), "YAML round trip changed the value:\n\(JSONWriter.canonical(value))\n→\n\(JSONWriter.canonical(again))")
    invariant(YAML.emit(again) == emitted, "YAML.emit is not stable:\n\(emitted)\n→\n\(YAML.emit(again))")
    return 0
}

/// `==`, except that NaN equals NaN (`JSONValue.==` follows `Double`: `.nan` != `.nan`).
func sameValue(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.number(let a), .number(let b)): return a == b || (a.isNaN && b.isNaN)
    case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy(sameValue)
    case (.object(let a), .object(let b)):
        return a.members.count == b.members.count && a.members.allSatisfy { member in b[member.key].map { sameValue(member.value, $0) } ?? false }
    default: return lhs == rhs
    }
}
