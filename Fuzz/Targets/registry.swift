import QualityCore
import ReportKit

/// The registry parser never traps and is deterministic; a refused file gives at least one
/// problem, each naming the file and a line inside it; an accepted file's reports are found
/// by name and located inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistry(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    // Lines as the YAML reader counts them: LF, CR LF and a lone CR each end one.
    let lines = 1 + bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && $0 + 1 < bytes.count && bytes[$0 + 1] != 0x0A) }.count
        + (bytes.last == 0x0D ? 1 : 0)
    let file = "reports"   // no extension: the format is JSON when the text starts with `{`
    let first = Result { () throws(RegistryError) in try ReportRegistry.parse(bytes, file: file, base: ".") }
    let second = Result { () throws(RegistryError) in try ReportRegistry.parse(bytes, file: file, base: ".") }
    invariant(first == second, "ReportRegistry.parse is not deterministic")
    switch first {
    case .success(let registry):
        for entry in registry.reports {
            invariant(registry[entry.name] != nil, "report \(entry.name) not found by its name")
            invariant((1...lines).contains(entry.location.line), "report \(entry.name) at line \(entry.location.line) of \(lines)")
        }
        for warning in registry.warnings {
            invariant((1...lines).contains(warning.location.line), "warning at line \(warning.location.line) of \(lines)")
        }
    case .failure(let error):
        invariant(!error.problems.isEmpty, "a RegistryError with no problem")
        for problem in error.problems {
            invariant(problem.file == file, "a problem naming \(problem.file ?? "no file"), not \(file): \(problem)")
            invariant((1...lines).contains(problem.location.line), "a problem at line \(problem.location.line) of \(lines): \(problem)")
            invariant(!problem.description.isEmpty, "a problem without a description")
        }
    }
    return 0
}
