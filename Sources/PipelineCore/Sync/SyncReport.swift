import ReportKit

/// What one run did with one source: the files by fate, with their bytes.
public struct SyncReport: Sendable, Hashable {
    /// A file and its size (what was downloaded for new and changed ones; what is stored for
    /// the others).
    public struct File: Sendable, Hashable {
        public var name: String
        public var bytes: Int
        public init(name: String, bytes: Int) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// A file the run could not sync, and why (retried next run).
    public struct Failure: Sendable, Hashable {
        public var name: String
        public var error: String
        public init(name: String, error: String) {
            self.name = name
            self.error = error
        }
    }

    public var source: String
    public var new: [File] = []
    public var changed: [File] = []
    public var unchanged: [File] = []
    public var deleted: [File] = []
    /// Gone from the source but kept in the store (`--keep-deleted`).
    public var kept: [File] = []
    public var failed: [Failure] = []
    public var refused: [RefusedEntry] = []
    /// Why the whole source failed (its listing or manifest could not be read); nothing moved.
    public var error: String?
    /// Bytes received from the source, 304s and unchanged bodies included.
    public var downloadedBytes = 0
    /// A dry run: what would be fetched and deleted; nothing was.
    public var dryrun = false
    /// For a dry run: the files that would be asked for again (their listing hints moved).
    public var wouldCheck: [File] = []

    public init(source: String) {
        self.source = source
    }

    /// `true` when the store's files under the source changed (a report should follow).
    public var changedSomething: Bool { !new.isEmpty || !changed.isEmpty || !deleted.isEmpty }

    /// `true` when something could not be synced (exit 3).
    public var hasFailures: Bool { error != nil || !failed.isEmpty }

    public var json: JSONValue {
        func files(_ list: [File]) -> JSONValue {
            .array(list.map { .object(JSONObject(uniqueMembers: [.init(key: "name", value: .string($0.name)), .init(key: "bytes", value: .number(Double($0.bytes)))])) })
        }
        func total(_ list: [File]) -> JSONValue { .number(Double(list.reduce(0) { $0 + $1.bytes })) }
        var members: [JSONObject.Member] = [
            .init(key: "source", value: .string(source)),
            .init(key: "new", value: files(new)),
            .init(key: "changed", value: files(changed)),
            .init(key: "unchanged", value: files(unchanged)),
            .init(key: "deleted", value: files(deleted)),
            .init(key: "failed", value: .array(failed.map { .object(JSONObject(uniqueMembers: [.init(key: "name", value: .string($0.name)), .init(key: "error", value: .string($0.error))])) })),
            .init(key: "bytes", value: .object(JSONObject(uniqueMembers: [
                .init(key: "new", value: total(new)), .init(key: "changed", value: total(changed)),
                .init(key: "unchanged", value: total(unchanged)), .init(key: "deleted", value: total(deleted)),
                .init(key: "downloaded", value: .number(Double(downloadedBytes))),
            ]))),
        ]
        if !kept.isEmpty { members.append(.init(key: "kept", value: files(kept))) }
        if !refused.isEmpty {
            members.append(.init(key: "refused", value: .array(refused.map { .object(JSONObject(uniqueMembers: [.init(key: "link", value: .string($0.link)), .init(key: "reason", value: .string($0.reason))])) })))
        }
        if let error { members.append(.init(key: "error", value: .string(error))) }
        if dryrun {
            members.append(.init(key: "dryrun", value: true))
            members.append(.init(key: "would-check", value: files(wouldCheck)))
        }
        return .object(JSONObject(uniqueMembers: members))
    }
}
