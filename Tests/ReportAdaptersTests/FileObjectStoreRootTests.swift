import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

/// A store folder the system cannot name (issue 17): bad input (exit 2), and no folder made.
@Suite("File object store: roots past the system's limits")
struct FileObjectStoreRootTests {
    @Test("a root past PATH_MAX or with a name past NAME_MAX is bad input and creates nothing", arguments: [
        Array(repeating: String(repeating: "d", count: 250), count: 18).joined(separator: "/"),
        "made/" + String(repeating: "n", count: 300),
    ])
    func rootPastLimits(tail: String) async throws {
        let scratch = try ScratchDirectory()
        let store = FileObjectStore(root: scratch.url.path + "/" + tail)
        let error = try await #require(throws: ObjectStoreError.self) {
            try await store.put(try ObjectKey("out/00.json"), Data("{}".utf8), contentType: nil)
        }
        #expect(error.category == .badInput, "\(error)")
        #expect(String(describing: error).contains("limit"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }
}
