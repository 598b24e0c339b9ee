import ReportKit

/// JSON round trip: a document that reads as a value, written with `JSONWriter.canonical`
/// (and `compact`), reads back as the same value; writing it again gives the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let value = try? JSONReader.parse(fuzzBytes(data, size)) else { return 0 }
    for (name, write) in [("canonical", JSONWriter.canonical), ("compact", JSONWriter.compact)] as [(String, (JSONValue) -> String)] {
        let written = write(value)
        let again: JSONValue
        do { again = try JSONReader.parse(written) } catch {
            invariant(false, "JSONWriter.\(name) wrote text JSONReader does not read back:\n\(written)\n\(error)")
            return 0
        }
        invariant(again == value, "JSON \(name) round trip changed the value:\n\(written)\n→\n\(write(again))")
        invariant(write(again) == written, "JSONWriter.\(name) is not stable:\n\(written)\n→\n\(write(again))")
    }
    return 0
}
