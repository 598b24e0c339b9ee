import Foundation
import PipelineCore
import ReportAdapters
import ReportKit

/// `reportcli sync`: sources (a sources file, or one `--source`) → ``SyncJob`` per source →
/// a JSON report per source; exit 3 when any file failed.
struct SyncCommand: Command {
    let name = "sync"
    let summary = "copy new and changed files from web listings, URLs and stores into a store"
    let discussion = """
        Lists each source (a web server's directory listing: download.bls.gov's, Apache's or \
        nginx's; one URL; a local directory; another store), compares it with the source's \
        manifest in the store (.reportkit/sync/NAME.json) and fetches only what may have \
        changed: the listing's size and date as a hint, then a conditional request \
        (If-None-Match, If-Modified-Since; a 304 downloads nothing), then the content's \
        SHA-256, so a file whose date moved but whose bytes did not is not written again. \
        Downloads stream to the store a piece at a time. Files gone from the source are \
        deleted from the store unless --keep-deleted. The manifest is written last, only for \
        files really stored; a failed file is retried next run and makes the exit status 3. \
        Requests carry User-Agent: ReportKit/VERSION (+mailto:CONTACT), wait --delay seconds \
        between them, and are retried with backoff on 5xx, 429 (honouring Retry-After) and \
        time-outs.
        """

    static let sources = OptionSpec.value("sources", "FILE", help: "a sources file (YAML or JSON): name, kind, url/path/store, into, include, exclude per source")
    static let source = OptionSpec.value(
        "source", "URL|DIR|s3://…", help: "one source instead of a file: a URL ending in / is a directory listing, another URL one file; a directory; a store")
    static let into = OptionSpec.value("into", "PREFIX", help: "with --source: where its files go in the store")
    static let sourceName = OptionSpec.value("name", "NAME", help: "with --source: the source's name (its manifest's); default: from --into")
    static let include = OptionSpec.repeatable("include", "GLOB", help: "with --source: take only names matching (* not across /, ** across)")
    static let exclude = OptionSpec.repeatable("exclude", "GLOB", help: "with --source: leave names matching")
    static let store = OptionSpec.value("store", "DIR|s3://BUCKET/PREFIX", help: "the staging store the files and manifests go to", required: true)
    static let contact = OptionSpec.value(
        "contact", "EMAIL", help: "a contact for the User-Agent (BLS refuses requests without one)", environment: "REPORTKIT_CONTACT")
    static let delay = OptionSpec.value("delay", "SECONDS", help: "wait between two requests", default: "1")
    static let keepDeleted = OptionSpec.flag("keep-deleted", help: "keep files the source no longer offers")
    static let dryrun = OptionSpec.flag("dryrun", help: "list and plan only: print what would be fetched and deleted, fetch and write nothing")
    static let thenRun = OptionSpec.flag("then-run", help: "run the quality reports of --reports when something changed")
    static let reports = OptionSpec.value("reports", "FILE", help: "with --then-run: the reports file")
    static let reportsStore = OptionSpec.value("reports-store", "DIR|s3://BUCKET/PREFIX", help: "with --then-run: where the run's reports go (default: --store)")

    let options = [sources, source, into, sourceName, include, exclude, store, contact, delay, keepDeleted, dryrun, thenRun, reports, reportsStore]
    let examples = [
        "reportcli sync --source https://download.bls.gov/pub/time.series/pr/ --into bls/pr/ --store s3://staging --contact ops@example.org",
        "reportcli sync --sources sources.yaml --store ./staging --dryrun",
    ]

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let list = try Self.sourceList(values)
        let delaySeconds = try Self.delaySeconds(values)
        let followUp = try Self.followUp(values, context: context)
        let logger = Logger(handler: StandardErrorLogHandler(), minimumLevel: .info)
        let target = try Stores.objects(try values.required(Self.store), logger: logger)
        let contactText = values.value(Self.contact) ?? context.environment["REPORTKIT_CONTACT"]
        if contactText == nil, list.contains(where: { $0.origin.isHTTP }) {
            logger.warning("sync: no --contact (or REPORTKIT_CONTACT): some servers, BLS among them, refuse requests without one")
        }
        let transport = RetryingTransport(
            URLSessionTransport(), policy: RetryPolicy(maxAttempts: 4, baseDelay: 1, maxDelay: 30, budget: 180), logger: logger)
        let job = SyncJob(
            store: target, transport: transport, clock: SystemClock(), sleeper: TaskSleeper(), logger: logger,
            userAgent: SyncJob.userAgent(version: ReportCLI.version, contact: contactText), delay: delaySeconds,
            keepDeleted: values.isSet(Self.keepDeleted), dryrun: values.isSet(Self.dryrun))
        var reports: [SyncReport] = []
        for source in list {
            let origin = try Self.origin(of: source, logger: logger)
            reports.append(await job.run(source, origin: origin))
        }
        let changed = reports.contains(where: \.changedSomething)
        var members: [JSONObject.Member] = [
            .init(key: "sources", value: .array(reports.map(\.json))),
            .init(key: "changed", value: .bool(changed)),
        ]
        var status: ExitStatus = reports.contains(where: \.hasFailures) ? .outsideSystem : .success
        if let followUp {
            if changed, !values.isSet(Self.dryrun) {
                // The sync's report stays whole whatever the run does; a run that cannot start is its error.
                let runStatus: ExitStatus
                do {
                    let run = try await RunCommand().run(followUp, context: context)
                    members.append(.init(key: "run", value: run.output ?? .null))
                    runStatus = run.status
                } catch {
                    logger.error("sync --then-run: the quality run failed: \(error)")
                    members.append(.init(key: "run", value: ["error": .string(logger.redact(String(describing: error)))]))
                    runStatus = (error as? any CategorizedError)?.category.exitStatus ?? .outsideSystem
                }
                status = ExitStatus(rawValue: max(status.rawValue, runStatus.rawValue)) ?? runStatus
            } else {
                logger.info("sync: nothing changed\(values.isSet(Self.dryrun) ? " (dry run)" : ""); the reports do not run")
                members.append(.init(key: "run", value: .null))
            }
        }
        return CommandOutcome(output: .object(JSONObject(uniqueMembers: members)), status: status)
    }

    /// The quality run `--then-run` asks for, read as `reportcli run --reports FILE --store STORE`
    /// would be (its Slack options from the environment), or `nil` without `--then-run`.
    static func followUp(_ values: OptionValues, context: CommandContext) throws -> OptionValues? {
        guard values.isSet(thenRun) else {
            for spec in [reports, reportsStore] where values.isSet(spec) { throw values.problem(spec, "goes with --then-run") }
            return nil
        }
        guard let file = values.value(reports) else { throw values.problem(thenRun, "needs --reports FILE") }
        let target = try values.value(reportsStore) ?? values.required(store)
        switch try Arguments.parse(["--reports", file, "--store", target], specs: RunCommand().options, command: "run", environment: context.environment) {
        case .values(let parsed): return parsed
        case .help: return nil
        }
    }

    /// The sources to sync: from the file, or the one `--source`.
    static func sourceList(_ values: OptionValues) throws -> [SyncSource] {
        switch (values.value(sources), values.value(source)) {
        case (let file?, nil):
            for spec in [into, sourceName, include, exclude] where values.isSet(spec) {
                throw values.problem(spec, "goes with --source, not --sources (the file gives it per source)")
            }
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
            // A relative directory (or store folder) is read from the sources file's folder.
            return try SyncSourcesFile.parse(AtomicFile.readBytes(file), file: file).map { source in
                var source = source
                switch source.origin {
                case .directory(let path) where !path.hasPrefix("/"):
                    source.origin = .directory(folder.appendingPathComponent(path).path)
                case .store(let path) where !path.hasPrefix("/") && !path.hasPrefix("s3://"):
                    source.origin = .store(folder.appendingPathComponent(path).path)
                default:
                    break
                }
                return source
            }
        case (nil, let location?):
            return [try single(location, values: values)]
        case (.some, .some):
            throw values.problem(source, "and --sources cannot both be given")
        case (nil, nil):
            throw UsageError(command: values.command, "'\(values.command)' needs --sources FILE or --source URL|DIR|s3://… with --into PREFIX")
        }
    }

    /// The source `--source LOCATION --into PREFIX` names.
    static func single(_ location: String, values: OptionValues) throws -> SyncSource {
        guard let intoText = values.value(into), !intoText.isEmpty else { throw values.problem(source, "needs --into PREFIX") }
        let prefix: ObjectPrefix
        do {
            prefix = try ObjectPrefix(intoText.hasSuffix("/") ? intoText : intoText + "/")
        } catch {
            throw values.problem(into, "'\(intoText)' is not a store prefix: \(error.message)")
        }
        let derived = intoText.split(separator: "/").joined(separator: "-")
        let name = values.value(sourceName) ?? (derived.isEmpty ? "source" : derived)
        if let problem = SyncSource.nameProblem(name) { throw values.problem(sourceName, "'\(name)' \(problem)") }
        let origin: SyncSource.Origin
        if location.hasPrefix("http://") || location.hasPrefix("https://") {
            guard let url = URL(string: location), url.host != nil else { throw values.problem(source, "'\(location)' is not a URL") }
            let path = url.path(percentEncoded: true)
            if path.isEmpty || path.hasSuffix("/") {
                origin = .httpListing(location)
            } else {
                origin = .url(location, saveAs: url.lastPathComponent)
            }
        } else if location.hasPrefix("s3://") {
            origin = .store(location)
        } else {
            origin = .directory(location)
        }
        var globs: [[SyncGlob]] = []
        for spec in [include, exclude] {
            var list: [SyncGlob] = []
            for text in values.values(spec) {
                guard let glob = SyncGlob(text) else { throw values.problem(spec, "needs a non-empty glob") }
                list.append(glob)
            }
            globs.append(list)
        }
        return SyncSource(name: name, origin: origin, into: prefix, include: globs[0], exclude: globs[1])
    }

    static func delaySeconds(_ values: OptionValues) throws(UsageError) -> Double {
        guard let text = values.value(delay) else { return 1 }
        guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 3600 else {
            throw values.problem(delay, "must be a number of seconds from 0 to 3600, got '\(text)'")
        }
        return seconds
    }

    /// The store a directory or store source is read from, and the prefix its files are under.
    static func origin(of source: SyncSource, logger: Logger) throws -> (store: any ObjectStore, prefix: ObjectPrefix)? {
        switch source.origin {
        case .httpListing, .url:
            return nil
        case .directory(let path):
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                throw FileAccessError(path: path, problem: "the source directory does not exist or is not a directory", category: .badInput)
            }
            return (FileObjectStore(root: path), .root)
        case .store(let location):
            return (try Stores.objects(location, logger: logger), .root)
        }
    }
}
