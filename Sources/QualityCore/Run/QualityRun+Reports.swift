import Foundation
import ReportKit

extension QualityRun {
    /// Runs `entries`, ``RunOptions/concurrency`` at a time, each report's files stored as
    /// soon as it ends; returns their manifest records in `entries` order.
    ///
    /// - Throws: the first store error, after every started report ended.
    /// `pagesHistory`: the earlier manifests the reports' pages draw their trends from.
    func runAll(_ entries: [ReportEntry], context: ReportContext, options: RunOptions, pagesHistory: [RunManifest] = []) async throws -> [RanReport] {
        var records = [RanReport?](repeating: nil, count: entries.count)
        var storeError: (any Error)?
        try await withThrowingTaskGroup(of: (Int, RanReport).self) { group in
            var next = 0
            func start() {
                guard next < entries.count else { return }
                let index = next
                next += 1
                group.addTask {
                    (index, try await self.runOne(entries[index], number: index + 1, of: entries.count, context: context, options: options, pagesHistory: pagesHistory))
                }
            }
            for _ in 0..<options.concurrency { start() }
            while let result = await group.nextResult() {
                switch result {
                case .success(let (index, record)): records[index] = record
                case .failure(let error): storeError = storeError ?? error
                }
                if storeError == nil { start() }
            }
        }
        if let storeError { throw storeError }
        return records.compactMap { $0 }
    }

    /// One report, isolated: its failure is a record, only the store's is thrown.
    func runOne(_ entry: ReportEntry, number: Int, of total: Int, context: ReportContext, options: RunOptions, pagesHistory: [RunManifest] = []) async throws -> RanReport {
        let tag = "[\(number)/\(total)] \(entry.name)"
        logger.info("\(tag) (\(entry.kind)) started")
        let begin = stopwatch.seconds()
        var record = ManifestReport(
            name: entry.name, folder: entry.folder, kind: entry.kind, status: .failed, seconds: 0, files: [], attachments: [],
            request: entry.request, headline: [])
        var slackFiles: [MessageFile] = []
        do {
            let report = try catalog.report(for: entry.kind)
            let result = try await Self.withTimeout(options.timeout) { try await report.run(entry, context: context) }
            var files = try Self.storedFiles(result, entry: entry)
            record.status = result.status
            // As Slack's JSON gives them back (the fallback filled in), so a manifest read
            // from the store equals the one written.
            record.attachments = try result.attachments.enumerated().map { index, attachment in
                try SlackAttachment(json: attachment.json, path: "attachments[\(index)]")
            }
            record.headline = result.headline
            record.files = files.map { Self.manifestFile($0, day: context.day, folder: entry.folder) }
            // Its page and notebook (report.html, report.ipynb), beside its files.
            files += try ReportPages.files(for: record, day: context.day, files: files, history: pagesHistory)
            record.files = files.map { Self.manifestFile($0, day: context.day, folder: entry.folder) }
            slackFiles = result.slackFiles.compactMap { path in
                files.first { $0.path == path }.map { MessageFile(filename: String(path.name), title: "\(entry.name): \(path.text)", data: Data($0.bytes)) }
            }
            if !options.dryrun {
                for file in files {
                    let key = try context.day.reportPrefix(entry.folder).appending(file.path.text)
                    try await store.put(key, Data(file.bytes), contentType: file.contentType.text)
                }
            }
        } catch let error as ObjectStoreError where error.category == .outsideSystem {
            logger.error("\(tag): storing its files failed: \(error)")
            throw error
        } catch {
            record.status = .failed
            record.error = logger.redact(String(describing: error))
            record.files = []
            record.attachments = []
            slackFiles = []
        }
        record.seconds = RunFormat.rounded(stopwatch.seconds() - begin)
        let took = "in \(RunFormat.seconds(record.seconds)) s"
        switch record.status {
        case .failed:
            logger.error("\(tag): failed \(took): \(Self.firstLine(record.error ?? "a check failed"))")
        case .ok, .warn:
            logger.info("\(tag): \(record.status.rawValue) \(took), \(record.files.count) file\(record.files.count == 1 ? "" : "s")")
        }
        return RanReport(record: record, slackFiles: slackFiles)
    }

    /// The report's files and, when the entry has request metadata and the report made no
    /// `request.json` of its own, that file: who asked for it travels with its files.
    static func storedFiles(_ result: ReportResult, entry: ReportEntry) throws(ReportResultProblem) -> [ReportFile] {
        var seen = Set<ObjectKey>()
        for file in result.files where !seen.insert(file.path).inserted {
            throw ReportResultProblem("the report returned two files at '\(file.path)'")
        }
        for path in result.slackFiles where !seen.contains(path) {
            throw ReportResultProblem("the report asked to send '\(path)' to Slack but made no such file")
        }
        var files = result.files
        if let request = entry.request, !seen.contains("request.json") {
            files.append(ReportFile(path: "request.json", contentType: .json, bytes: Array((JSONWriter.canonical(request.json) + "\n").utf8)))
        }
        return files
    }

    static func manifestFile(_ file: ReportFile, day: CalendarDay, folder: ReportFolder) -> ManifestFile {
        // A report's folder and a valid relative key always make a valid key.
        let key = try! day.reportPrefix(folder).appending(file.path.text)
        return ManifestFile(key: key, path: file.path, contentType: file.contentType, bytes: file.bytes.count, sha256: SHA256.hex(file.bytes))
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(whereSeparator: \.isNewline).first ?? "")
    }

    /// `work`'s result, or ``ReportTimedOut`` once `seconds` pass. A report that does not
    /// stop when cancelled is left behind: the run does not wait for it.
    static func withTimeout(_ seconds: Double, _ work: @escaping @Sendable () async throws -> ReportResult) async throws -> ReportResult {
        let gate = ResumeGate<ReportResult>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                gate.set(continuation)
                let worker = Task {
                    do { gate.resume(.success(try await work())) } catch { gate.resume(.failure(error)) }
                }
                // On a dispatch queue, not the cooperative pool: reports that block its
                // threads can't keep the time-out from firing. Firing after the report
                // ended does nothing.
                DispatchQueue.global().asyncAfter(deadline: .now() + max(0, min(seconds, 1e9))) {
                    if gate.resume(.failure(ReportTimedOut(seconds: seconds))) { worker.cancel() }
                }
            }
        } onCancel: {
            gate.resume(.failure(CancellationError()))
        }
    }
}

/// A report as it ran: its manifest record and the files it asked to send to Slack.
struct RanReport: Sendable {
    var record: ManifestReport
    var slackFiles: [MessageFile]
}

/// Resumes a continuation once, whichever of the report and its timer ends first.
final class ResumeGate<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, any Error>?
    private var pending: Result<Value, any Error>?
    private var done = false

    func set(_ continuation: CheckedContinuation<Value, any Error>) {
        let early: Result<Value, any Error>? = lock.withLock {
            if let pending { return pending }
            self.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    /// `true` when this call resumed it (the first one).
    @discardableResult
    func resume(_ result: Result<Value, any Error>) -> Bool {
        let (first, continuation): (Bool, CheckedContinuation<Value, any Error>?) = lock.withLock {
            guard !done else { return (false, nil) }
            done = true
            if self.continuation == nil { pending = result }
            let taken = (true, self.continuation)
            self.continuation = nil
            return taken
        }
        continuation?.resume(with: result)
        return first
    }
}
