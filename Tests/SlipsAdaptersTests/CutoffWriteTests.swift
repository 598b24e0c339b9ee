import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import SlipsAdapters
import Testing

/// The cutoff rewrite keeps the file it replaces (issue 17): mode and owner, a symbolic
/// link and its target, and refuses a read-only table before anything is sent.
@Suite("Buildables file: what the cutoff rewrite keeps")
struct CutoffWriteTests {
    let cutoff: JSONObject = ["updated": "2020-05-01 04:05:06 UTC"]
    static let table = "items:\n  - artifact: NOTIFICATION\n    instance: region-slips\n    updated: '2020-04-01 00:00:00 UTC'\n"

    static func status(_ path: String) throws -> stat {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw POSIXError(.ENOENT) }
        return status
    }

    @Test("a 0600 table stays 0600 with its owner and group")
    func modeAndOwnerKept() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("db.yaml", Self.table)
        #expect(chmod(path, 0o600) == 0)
        // A group other than ours, so that a rewrite that forgets the owner shows it.
        #expect(chown(path, getuid(), 12_345) == 0 || getuid() != 0)
        let before = try Self.status(path)
        try await BuildablesFile.open(path: path, forUpdate: true).update(artifact: "NOTIFICATION", instance: "region-slips", set: cutoff)
        let after = try Self.status(path)
        #expect(after.st_mode & 0o7777 == 0o600)
        #expect(after.st_uid == before.st_uid && after.st_gid == before.st_gid)
        #expect(try scratch.text(path).contains("2020-05-01 04:05:06 UTC"))
    }

    @Test("a symlinked table is written through: the link stays, its target gets the cutoff")
    func symlinkWrittenThrough() async throws {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("real"), withIntermediateDirectories: true)
        let target = try scratch.file("real/db.yaml", Self.table)
        let link = scratch.url.appendingPathComponent("db.yaml").path
        #expect(symlink("real/db.yaml", link) == 0)
        try await BuildablesFile.open(path: link, forUpdate: true).update(artifact: "NOTIFICATION", instance: "region-slips", set: cutoff)
        #expect(try Self.status(link).st_mode & S_IFMT == S_IFLNK)
        #expect(try scratch.text(target).contains("2020-05-01 04:05:06 UTC"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("real").path) == ["db.yaml"])
    }

    @Test("a read-only table is refused when opened for an update (exit 3), even for root")
    func readOnlyRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("db.yaml", Self.table)
        #expect(chmod(path, 0o444) == 0)
        let error = try #require(throws: FileAccessError.self) { try BuildablesFile.open(path: path, forUpdate: true) }
        #expect(error.category == .outsideSystem)
        #expect(error.problem.contains("read-only"))
        _ = try BuildablesFile.open(path: path)  // reading it (a dry run) is fine
    }
}
