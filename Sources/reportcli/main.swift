import Foundation
import ReportKit

// reportcli, one command line per process. Everything in this file is a setting of this
// one-shot process; nothing on a command's run path depends on it (a loop serving events
// builds its own CommandContext and takes none of these). Each setting is kept for the figure
// beside it, measured on the release build (README, "Benchmarks").

#if canImport(Glibc)
// Grow the heap 64 MiB at a time (M_TOP_PAD, -2 in <malloc.h>; glibc's `mallopt` is not in
// Swift's Glibc module). The work runs on a concurrency thread, whose arena otherwise grows
// with an mprotect call per 128 KiB: 167,647 mprotect calls on the 1M-item slips table, 968
// on a pipeline step, against 77 and 68 with the pad. (M_MMAP_THRESHOLD, set here before,
// changed neither count nor page faults by more than 0.5%: dropped. M_ARENA_MAX did not
// either, before work ran on two threads; it is back below for memory.)
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
_ = mallopt(-2, 64 << 20)  // M_TOP_PAD
// One arena for every thread (M_ARENA_MAX, -8): work split over two threads (the slips
// table's halves) frees its parts into the arena that later work allocates from, instead
// of leaving them in a second one. Peak RSS of `slips --dryrun` on the 1M-item everyday
// table: 391 MB against 424 MB with an arena per thread.
_ = mallopt(-8, 1)  // M_ARENA_MAX
#endif

// A reader that goes away (`reportcli … | head -1`) makes a write fail with EPIPE, which the
// output code reports as an outside failure (exit 3), instead of killing the process with
// SIGPIPE (exit 141) before it can say so.
signal(SIGPIPE, SIG_IGN)

/// Values a command hands over to outlive its run: this process exits without freeing them.
/// Freeing the 1M-item slips table one record at a time takes about half a second (485 ms
/// or more between the last log line and the payload).
final class KeptUntilExit: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [any Sendable] = []
    func keep(_ value: any Sendable) { lock.withLock { values.append(value) } }
}
let kept = KeptUntilExit()

/// The words of this run. Named `bootstrap` (a Lambda custom runtime's entry point, which
/// Lambda starts with no arguments and the emulator with the handler as one), the binary is
/// `reportcli lambda [--handler HANDLER]`.
var arguments = Array(CommandLine.arguments.dropFirst())
if CommandLine.arguments.first.map({ URL(fileURLWithPath: $0).lastPathComponent }) == "bootstrap" {
    arguments = ["lambda"] + (arguments.first.map { ["--handler", $0] } ?? [])
}

let context = CommandContext(registry: .standard, environment: .process, keepUntilExit: kept.keep)
let status = await ReportCLI.run(arguments, context: context)
// Flush what was printed, then leave without the C libraries' exit handlers (libcurl's TLS
// and Kerberos libraries tear down state a finished run no longer needs): 0.04 ms from the
// last output to exit_group instead of 0.36-0.48 ms, which is 3% of the shortest pipeline
// step (13 ms) and what keeps it over the README's 30x floor.
fflush(nil)
_exit(status)
