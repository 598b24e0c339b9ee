import Foundation

/// Wall time of a closure, in seconds.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// One run of a child process: wall time and its peak resident memory.
struct ProcessFigures {
    var seconds: Double
    var peakMiB: Double
    var status: Int32
    /// User and system CPU time of the child: on a shared machine, steadier than wall time.
    var cpuSeconds: Double = 0
}

/// Runs `executable arguments…`, discarding its output, and measures it. Peak memory is the
/// child's own `ru_maxrss`, read with `wait4`.
func measureProcess(_ executable: String, _ arguments: [String]) -> ProcessFigures {
    let devNull = open("/dev/null", O_WRONLY)
    defer { close(devNull) }
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, devNull, 1)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let clock = ContinuousClock()
    let start = clock.now
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
        return ProcessFigures(seconds: 0, peakMiB: 0, status: -1)
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let elapsed = clock.now - start
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return ProcessFigures(seconds: wall, peakMiB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF, cpuSeconds: cpu)
}

/// `12.3 MB/s` for `bytes` handled in `seconds`.
func throughput(_ bytes: Int, _ seconds: Double) -> String {
    String(format: "%.0f MB/s", Double(bytes) / 1e6 / seconds)
}
