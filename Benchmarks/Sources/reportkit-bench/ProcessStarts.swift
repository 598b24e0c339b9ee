import Foundation

/// The process floor: how long an executable takes to start and exit, as a whole process
/// (`reportcli --version`: the dynamic loader, the libraries' initializers, the Swift runtime,
/// nothing of ReportKit's own work). Runs of several executables alternate, so that a machine
/// slowing down or speeding up weighs on all alike.
enum ProcessStarts {
    /// Runs `executable arguments…` of each of `executables` `runs` times (after one warm-up
    /// run each) and prints the median and best wall time and the median and best CPU time
    /// (user + sys) of each.
    static func time(_ executables: [String], arguments: [String], runs: Int) {
        var figures = Array(repeating: [ProcessFigures](), count: executables.count)
        for executable in executables { _ = measureProcess(executable, arguments) }
        for _ in 0..<runs {
            for (index, executable) in executables.enumerated() { figures[index].append(measureProcess(executable, arguments)) }
        }
        print("executable \(arguments.joined(separator: " ")), \(runs) starts each: wall median (best), cpu median (best), ms")
        for (executable, runs) in zip(executables, figures) {
            let wall = runs.map(\.seconds).sorted(), cpu = runs.map(\.cpuSeconds).sorted()
            var line = String(format: "%7.2f (%6.2f)   %6.2f (%5.2f)   ", wall[wall.count / 2] * 1000, wall[0] * 1000, cpu[cpu.count / 2] * 1000, cpu[0] * 1000)
            line += executable
            if let status = runs.map(\.status).max(), status != 0 { line += " (exit \(status))" }
            print(line)
        }
    }
}
