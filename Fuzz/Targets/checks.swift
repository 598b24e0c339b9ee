import QualityCore
import ReportKit

/// The SodaCL checks parser never traps and is deterministic; a refused file gives a
/// ParseError naming the file and a line and column inside it; an accepted file's checks are
/// located inside the file, in file order, each with its text and dataset.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChecks(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let bytes = Array(text.utf8)
    // Lines as the YAML reader counts them: LF, CR LF and a lone CR each end one.
    let lines = 1 + bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && $0 + 1 < bytes.count && bytes[$0 + 1] != 0x0A) }.count
        + (bytes.last == 0x0D ? 1 : 0)
    let path = "checks.yml"
    let variables = ["NOW": "2024-03-10T12:00:00Z", "MIN": "12"]
    let first = Result { () throws(ParseError) in try ChecksFile.parse(text: text, path: path, variables: variables) }
    let second = Result { () throws(ParseError) in try ChecksFile.parse(text: text, path: path, variables: variables) }
    invariant(first == second, "ChecksFile.parse is not deterministic")
    switch first {
    case .success(let file):
        var previous = 0
        for check in file.checks {
            invariant((1...lines).contains(check.line), "check '\(check.text)' at line \(check.line) of \(lines)")
            invariant(check.line >= previous, "checks out of file order at line \(check.line)")
            invariant(check.column >= 1, "check '\(check.text)' at column \(check.column)")
            invariant(!check.text.isEmpty, "a check without text at line \(check.line)")
            invariant(file.datasets.contains(check.dataset), "dataset \(check.dataset) not in the file's datasets")
            previous = check.line
        }
    case .failure(let error):
        invariant(error.file == path, "an error naming \(error.file ?? "no file"), not \(path): \(error)")
        invariant((1...lines).contains(error.location.line), "an error at line \(error.location.line) of \(lines): \(error)")
        invariant(error.location.column >= 1, "an error at column \(error.location.column): \(error)")
        invariant(!error.message.isEmpty, "an error without a message")
    }
    return 0
}
