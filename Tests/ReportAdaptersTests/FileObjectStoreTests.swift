import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("File object store")
struct FileObjectStoreTests {
    func temporaryRoot() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportkit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func passesTheContract() async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await ObjectStoreContract.verify(FileObjectStore(root: root), prefix: "x/")
    }

    @Test func inMemoryDoublePassesTheContract() async throws {
        try await ObjectStoreContract.verify(InMemoryObjectStore(), prefix: "")
    }

    @Test(arguments: ["", "/etc/passwd", "../up", "a/../../b", "a//b", "a/./b", "a/", "nul\0byte"])
    func rejectsKeysThatLeaveTheRoot(key: String) async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = FileObjectStore(root: root)
        await #expect(throws: ObjectStoreError.self) { try await store.put(key, Data("x".utf8)) }
        await #expect(throws: ObjectStoreError.self) { _ = try await store.get(key) }
    }

    @Test func putLeavesNoTemporaryFiles() async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = FileObjectStore(root: root)
        try await store.put("d/file.json", Data("{}".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/d")
        #expect(names == ["file.json"])
    }

    @Test func invalidKeyIsBadInput() {
        #expect(throws: ObjectStoreError(.invalidKey, key: "../x", "an object key cannot have a '..' segment")) {
            try FileObjectStore.validate("../x")
        }
    }
}
