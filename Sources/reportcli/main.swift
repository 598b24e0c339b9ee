import Foundation
import ReportKit

// reportcli, one command line per process. Everything here is a setting of this one-shot
// process; nothing on a command's run path depends on it (a loop serving events builds its
// own CommandContext and none of these settings).

#if canImport(Glibc)
// One malloc arena: the work runs on a concurrency thread, whose own arena would grow its
// heap with an mprotect call per step; on big tables that costs more than the parsing.
// (glibc's `mallopt` is not in Swift's Glibc module; M_ARENA_MAX is -8 in <malloc.h>.)
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
_ = mallopt(-8, 1)  // M_ARENA_MAX
_ = mallopt(-2, 64 << 20)  // M_TOP_PAD: grow the heap 64 MiB at a time
// Big buffers (an input file, an output's text) from the heap too, not from mmap: freed, their
// pages are reused rather than returned to the system and faulted in again for the next one.
_ = mallopt(-3, 256 << 20)  // M_MMAP_THRESHOLD
#endif

/// Values a command hands over to outlive its run: the process exits without freeing them.
final class KeptUntilExit: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [any Sendable] = []
    func keep(_ value: any Sendable) { lock.withLock { values.append(value) } }
}
let kept = KeptUntilExit()

let context = CommandContext(registry: .standard, environment: .process, keepUntilExit: kept.keep)
let status = await ReportCLI.run(Array(CommandLine.arguments.dropFirst()), context: context)
// Flush what was printed, then leave without running the C libraries' exit handlers (libcurl's
// TLS and Kerberos libraries tear down state a finished run no longer needs).
fflush(nil)
_exit(status)
