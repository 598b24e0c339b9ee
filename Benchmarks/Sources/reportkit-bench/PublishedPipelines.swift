import Foundation

/// Every function and type of a folder laid out as `Fixtures/bydelsfakta/published`
/// (`<function>/input_<dataset>.csv`, `<function>/output_<type>/`), as written by
/// `Benchmarks/bydelsfakta-gen/build.py --full-size OUT`: each type timed as a whole process,
/// ours against the original in alternating rounds.
enum PublishedPipelines {
    /// One function and type to time, with the dataset ids of its inputs and their files.
    struct Run {
        var module: String
        var type: String
        var inputs: [(dataset: String, path: String)]
        /// The Lambda name of `module`: dashes for underscores.
        var function: String { module.replacingOccurrences(of: "_", with: "-") }
    }

    /// The runs of `root`: one per `output_<type>` folder of each function (a function whose
    /// original crashed has none), functions and types sorted; `only` keeps the named modules.
    static func runs(in root: String, only: Set<String>?) throws -> [Run] {
        let files = FileManager.default
        var runs: [Run] = []
        for module in try files.contentsOfDirectory(atPath: root).sorted() where only?.contains(module) ?? true {
            let folder = "\(root)/\(module)"
            guard let entries = try? files.contentsOfDirectory(atPath: folder) else { continue }
            let inputs = entries.filter { $0.hasPrefix("input_") && $0.hasSuffix(".csv") }.sorted()
                .map { (dataset: String($0.dropFirst("input_".count).dropLast(".csv".count)), path: "\(folder)/\($0)") }
            for output in entries.filter({ $0.hasPrefix("output_") }).sorted() where !inputs.isEmpty {
                runs.append(Run(module: module, type: String(output.dropFirst("output_".count)), inputs: inputs))
            }
        }
        return runs
    }

    /// Copies each function's inputs into `store/processed/<module>/in<k>/input.csv` and writes
    /// the event of `run`; returns the event's path.
    static func prepare(_ run: Run, store: String) throws -> String {
        var prefixes: [String] = []
        for (position, input) in run.inputs.enumerated() {
            let prefix = "processed/\(run.module)/in\(position)/"
            let folder = URL(fileURLWithPath: store).appendingPathComponent(prefix)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let target = folder.appendingPathComponent("input.csv")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(atPath: input.path, toPath: target.path)
            prefixes.append("\"\(input.dataset)\": \"\(prefix)\"")
        }
        let event = """
            {"execution_name": "bench", "task": "lambda_invoker", "payload": {"pipeline": {"id": "bench", "task_config": \
            {"lambda_invoker": {"arn": "bydelsfakta-data-processing-\(run.function)", "type": "\(run.type)"}}}, "output_dataset": \
            {"id": "bench", "version": "1", "edition": "1", "s3_prefix": "%stage%/bench/\(run.module)-\(run.type)/"}, "step_data": \
            {"s3_input_prefixes": {\(prefixes.joined(separator: ", "))}, "status": "PENDING", "errors": []}}}
            """
        let path = "\(store)/event-\(run.module)-\(run.type).json"
        try Data(event.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Times every run: a warm-up of ours, then `rounds` rounds of two runs of ours and one of
    /// the original; prints medians of wall and CPU time and the speed-ups, then their
    /// geometric means and the runs under 30×.
    static func time(
        root: String, store: String, reportcli: String, original: (python: String, runner: String)?, rounds: Int, only: Set<String>?
    ) throws {
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let header = "function                          type                   ours ms (cpu)      original ms (cpu)   speed-up (cpu)"
        print(header)
        var wallRatios: [Double] = [], cpuRatios: [Double] = []
        var slow: [String] = []
        for run in try runs(in: root, only: only) {
            let event = try prepare(run, store: store)
            func ours() -> ProcessFigures {
                measureProcess(reportcli, ["pipeline", "run", "--event", event, "--store", store, "--now", "2020-05-01"])
            }
            func theirs(_ original: (python: String, runner: String)) -> ProcessFigures {
                measureProcess(original.python, [original.runner, run.module, run.type, "\(store)/original-out"] + run.inputs.map { "\($0.dataset)=\($0.path)" })
            }
            _ = ours()
            var ourFigures: [ProcessFigures] = [], theirFigures: [ProcessFigures] = []
            for _ in 0..<rounds {
                ourFigures += [ours(), ours()]
                if let original { theirFigures.append(theirs(original)) }
            }
            var line = run.module.padding(toLength: 33, withPad: " ", startingAt: 0) + " " + run.type.padding(toLength: 20, withPad: " ", startingAt: 0)
            let (wall, cpu) = (median(ourFigures.map(\.seconds)), median(ourFigures.map(\.cpuSeconds)))
            line += String(format: " %7.1f (%6.1f)", wall * 1000, cpu * 1000)
            if let status = ourFigures.map(\.status).max(), status != 0 { line += " (exit \(status))" }
            if !theirFigures.isEmpty {
                let (theirWall, theirCPU) = (median(theirFigures.map(\.seconds)), median(theirFigures.map(\.cpuSeconds)))
                let (wallRatio, cpuRatio) = (theirWall / wall, theirCPU / max(cpu, 1e-4))
                line += String(format: "   %8.1f (%7.1f)   %6.1f× (%5.1f×)", theirWall * 1000, theirCPU * 1000, wallRatio, cpuRatio)
                if let status = theirFigures.map(\.status).max(), status != 0 { line += " (original exit \(status))" }
                wallRatios.append(wallRatio)
                cpuRatios.append(cpuRatio)
                if wallRatio < 30 || cpuRatio < 30 { slow.append("\(run.module) \(run.type)") }
            }
            print(line)
        }
        guard !wallRatios.isEmpty else { return }
        func geometricMean(_ values: [Double]) -> Double { exp(values.map { log($0) }.reduce(0, +) / Double(values.count)) }
        print(String(format: "%d runs: geometric mean of the speed-ups %.1f× (cpu %.1f×); under 30× (wall or cpu): %d",
                     wallRatios.count, geometricMean(wallRatios), geometricMean(cpuRatios), slow.count))
        for name in slow { print("  under 30×: \(name)") }
    }
}
