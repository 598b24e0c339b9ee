import ReportKit

/// YAML round trip: a document that reads as a value, written with `YAML.emit`, reads back
/// as the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let value = try? YAML.value(fuzzBytes(data, size)) else { return 0 }
    let emitted = YAML.emit(value)
    let again: JSONValue
    do { again = try YAML.value(emitted) } catch {
        invariant(false, "YAML.emit wrote text YAML does not read back:\n\(emitted)\n\(error)")
        return 0
    }
    invariant(again == value, "YAML round trip changed the value:\n\(JSONWriter.canonical(value))\n→\n\(JSONWriter.canonical(again))")
    invariant(YAML.emit(again) == emitted, "YAML.emit is not stable:\n\(emitted)\n→\n\(YAML.emit(again))")
    return 0
}
