import Foundation
import ReportKit

extension QualityRun {
    /// Runs `entries`, ``RunOptions/concurrency`` at a time, each report's files stored as
    /// soon as it ends; returns their manifest records in `entries` order.
    ///
    /// - Throws: the first store error, after every started report ended.
    func runAll(_ entries: [ReportEntry], context: ReportContext, options: RunOptions) async throws -> [RanReport] {
        var records = [RanReport?](repeating: nil, count: entries.count)
        var storeError: (any Error)?
        await withThrowingTaskGroup(of: (Int, RanReport).self) { group in
            var next = 0
            func start() {
                guard next < entries.count else { return }
                let index = next
                next += 1
                group.addTask {
                    (index, try await self.runOne(entries[index], number: index + 1, of: entries.count, context: context, options: options))
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
    func runOne(_ entry: ReportEntry, number: Int, of total: Int, context: ReportContext, options: RunOptions) async throws -> RanReport {
        let tag = "[\(number)/\(total)] \(entry.name)"
        logger.info("\(tag) (\(entry.kind)) started")
        let begin = stopwatch.seconds()
        var record = ManifestReport(
            name: entry.name, folder: entry.folder, kind: entry.kind, status: .failed, seconds: 0, files: [], attachments: [],
            request: entry.request, headline: [])
        var files: [ReportFile] = []
        var slackFiles: [MessageFile] = []
        do {
            let report = try catalog.report(for: entry.kind)
            let result = try await Self.withTimeout(options.timeout) { try await report.run(entry, context: context) }
            files = try Self.storedFiles(result, entry: entry)
            try Self.checkKeys(files, prefix: context.day.reportPrefix(entry.folder))
            record.status = result.status
            // As Slack's JSON gives them back (the fallback filled in), so a manifest read
            // from the store equals the one written.
            record.attachments = try result.attachments.enumerated().map { index, attachment in
                try SlackAttachment(json: attachment.json, path: "attachments[\(index)]")
            }
            record.headline = result.headline
            slackFiles = result.slackFiles.compactMap { path in
                files.first { $0.path == path }.map { MessageFile(filename: String(path.name), title: "\(entry.name): \(path.text)", data: Data($0.bytes)) }
            }
        } catch {
            record.status = .failed
            record.error = logger.redact(String(describing: error))
            record.attachments = []
            record.headline = []
            files = []
            slackFiles = []
        }
        record.seconds = RunFormat.rounded(stopwatch.seconds() - begin)
        record.files = files.map { Self.manifestFile($0, day: context.day, folder: entry.folder) }
        // The companions (pages) see the report's own files in the record; theirs are added after.
        let companions = companionFiles(record, files: files, context: context, tag: tag)
        record.files += companions.map { Self.manifestFile($0, day: context.day, folder: entry.folder) }
        files += companions
        if !options.dryrun {
            do {
                try await put(files, under: context.day.reportPrefix(entry.folder))
            } catch {
                logger.error("\(tag): storing its files failed: \(error)")
                throw error
            }
        }
        let took = "in \(RunFormat.seconds(record.seconds)) s"
        switch record.status {
        case .failed:
            logger.error("\(tag): failed \(took): \(Self.firstLine(record.error ?? "a check failed"))")
        case .ok, .warn:
            logger.info("\(tag): \(record.status.rawValue) \(took), \(record.files.count) file\(record.files.count == 1 ? "" : "s")")
        }
        return RanReport(record: record, slackFiles: slackFiles)
    }

    /// Puts `files` under `prefix`, eight at a time (a store's writes wait on the network).
    func put(_ files: [ReportFile], under prefix: ObjectPrefix) async throws {
        let store = store
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func start() throws {
                guard next < files.count else { return }
                let file = files[next]
                next += 1
                let key = try prefix.appending(file.path.text)
                group.addTask { try await store.put(key, Data(file.bytes), contentType: file.contentType.text) }
            }
            for _ in 0..<Self.putsAtOnce { try start() }
            while try await group.next() != nil { try start() }
        }
    }

    /// Files of one report written at once.
    static let putsAtOnce = 8

    /// What the companions make beside the report's files (its page, its notebook), the
    /// report's own files winning a shared path. A companion that throws is logged; the
    /// report keeps its status and files.
    func companionFiles(_ record: ManifestReport, files: [ReportFile], context: ReportContext, tag: String) -> [ReportFile] {
        var taken = Set(files.map(\.path))
        var made: [ReportFile] = []
        for companion in companions {
            do {
                let extra = try companion.files(for: record, day: context.day, files: files, history: companionHistory)
                try Self.checkKeys(extra, prefix: context.day.reportPrefix(record.folder))
                for file in extra where taken.insert(file.path).inserted {
                    made.append(file)
                }
            } catch {
                logger.error("\(tag): \(type(of: companion)) made nothing: \(logger.redact(String(describing: error)))")
            }
        }
        return made
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

    /// Throws unless every file's key in the store is a key (not too long).
    static func checkKeys(_ files: [ReportFile], prefix: ObjectPrefix) throws(ReportResultProblem) {
        for file in files {
            do { _ = try prefix.appending(file.path.text) } catch {
                throw ReportResultProblem("the file '\(file.path)' can't be stored under \(prefix): \(error.message)")
            }
        }
    }

    static func manifestFile(_ file: ReportFile, day: CalendarDay, folder: ReportFolder) -> ManifestFile {
        // Checked by checkKeys before a file gets here.
        let key = try! day.reportPrefix(folder).appending(file.path.text)
        return ManifestFile(key: key, path: file.path, contentType: file.contentType, bytes: file.bytes.count, sha256: SHA256.hex(file.bytes))
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(whereSeparator: \.isNewline).first ?? "")
    }

    /// `work`'s result, or ``ReportTimedOut`` once it has run `seconds` (counted from when
    /// it starts running, so a busy machine's wait for a thread is not the report's time).
    /// A report that does not stop when cancelled is left behind: the run does not wait.
    static func withTimeout(_ seconds: Double, _ work: @escaping @Sendable () async throws -> ReportResult) async throws -> ReportResult {
        let gate = ResumeGate<ReportResult>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                gate.set(continuation)
                let worker = Task {
                    // On a dispatch queue, not the cooperative pool: reports that block its
                    // threads can't keep the time-out from firing. Firing after the report
                    // ended does nothing.
                    DispatchQueue.global().asyncAfter(deadline: .now() + max(0, min(seconds, 1e9))) {
                        if gate.resume(.failure(ReportTimedOut(seconds: seconds))) { gate.cancelWorker() }
                    }
                    do { gate.resume(.success(try await work())) } catch { gate.resume(.failure(error)) }
                }
                gate.attach(worker)
            }
        } onCancel: {
            if gate.resume(.failure(CancellationError())) { gate.cancelWorker() }
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

    private var worker: Task<Void, Never>?
    private var cancelled = false

    /// The task running the report, cancelled by ``cancelWorker()``.
    func attach(_ task: Task<Void, Never>) {
        let cancelNow = lock.withLock {
            worker = task
            return cancelled
        }
        if cancelNow { task.cancel() }
    }

    /// Cancels the report's task (now, or when it is attached).
    func cancelWorker() {
        let task = lock.withLock {
            cancelled = true
            return worker
        }
        task?.cancel()
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
