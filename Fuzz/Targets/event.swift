import PipelineCore
import ReportKit

/// The pipeline event decoder never traps: any JSON document either decodes or is refused
/// with an error, the decoded event's step data can be written, and decoding the canonical
/// text of the same document gives the same outcome.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvent(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let value = try? JSONReader.parse(fuzzBytes(data, size)) else { return 0 }
    let first = try? PipelineEvent.decode(value)
    if let event = first {
        _ = event.outputPrefix
        _ = JSONWriter.canonical(event.stepData())
        _ = JSONWriter.canonical(event.stepData(failure: "fuzz"))
    }
    let reread = try! JSONReader.parse(JSONWriter.canonical(value))
    let second = try? PipelineEvent.decode(reread)
    invariant((first == nil) == (second == nil), "decoding the canonical text of the same event gave another outcome")
    if let first, let second {
        invariant(first.outputPrefix == second.outputPrefix && first.task == second.task && first.status == second.status
                  && sortedPairs(first.inputPrefixes) == sortedPairs(second.inputPrefixes),
                  "decoding the canonical text of the same event gave another event")
    }
    return 0
}

/// The input prefixes as `dataset=prefix` texts in code-point order: the canonical text sorts
/// an object's members, so the order they were written in is not part of the event.
private func sortedPairs(_ prefixes: [(dataset: String, prefix: String)]) -> [[UInt8]] {
    prefixes.map { Array("\($0.dataset)=\($0.prefix)".utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
}
