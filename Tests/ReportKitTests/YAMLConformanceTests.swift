import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// Every case of the YAML test suite in `Fixtures/yaml-test-suite` (see its README): valid
/// cases must read to their `in.json`, error cases must be refused.
@Suite("YAML conformance")
struct YAMLConformanceTests {
    /// Cases left out, each with the reason; the README lists them too.
    static let outsideSubset: [String: String] = [
        "9MMW": "a flow mapping used as a key ({JSON: like}: adjacent) is a complex key",
        "SM9W/01": "an empty (null) mapping key has no JSON form",
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        var id: String
        var directory: URL
        var testDescription: String { id }
        var isError: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("error").path) }
    }

    static let cases: [Case] = {
        let root = FixturePaths.fixture("yaml-test-suite")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [Case] = []
        for case let url as URL in walker where url.lastPathComponent == "in.yaml" {
            let directory = url.deletingLastPathComponent()
            let id = String(directory.path.dropFirst(root.path.count + 1))
            found.append(Case(id: id, directory: directory))
        }
        return found.sorted { $0.id < $1.id }
    }()

    /// `nil` when the case passes, else what went wrong.
    static func failure(of testCase: Case) -> String? {
        guard let input = try? [UInt8](Data(contentsOf: testCase.directory.appendingPathComponent("in.yaml"))) else {
            return "cannot read in.yaml"
        }
        if testCase.isError {
            do {
                let documents = try YAML.parseStream(input)
                for document in documents { _ = try document.resolved() }
                return "accepted invalid YAML"
            } catch {
                return nil
            }
        }
        do {
            // Without in.json (JSON cannot hold the data), the suite's out.yaml is the reference.
            let json = testCase.directory.appendingPathComponent("in.json")
            let expected = FileManager.default.fileExists(atPath: json.path)
                ? try JSONDocuments.split([UInt8](Data(contentsOf: json)))
                : try YAML.parseStream([UInt8](Data(contentsOf: testCase.directory.appendingPathComponent("out.yaml")))).map { try $0.resolved() }
            let actual = try YAML.parseStream(input).map { try $0.resolved() }
            return actual == expected ? nil : "read \(actual), expected \(expected)"
        } catch {
            return "refused valid YAML: \(error)"
        }
    }

    /// The suite as committed in `Fixtures/yaml-test-suite`, and how many of it pass (all but
    /// ``outsideSubset``): a case that goes missing or stops passing changes these counts.
    static let expectedCases = 228
    static let expectedPasses = 226

    @Test("the suite: every case in the subset passes, N of M printed")
    func suite() throws {
        #expect(Self.cases.count == Self.expectedCases)
        var failures: [String] = []
        var skipped = 0
        for testCase in Self.cases {
            let failure = Self.failure(of: testCase)
            if let reason = Self.outsideSubset[testCase.id] {
                skipped += 1
                if failure != nil, !testCase.isError, !(failure ?? "").hasPrefix("refused") {
                    failures.append("\(testCase.id) (outside the subset: \(reason)) must be refused, not misread: \(failure!)")
                }
                continue
            }
            if let failure { failures.append("\(testCase.id): \(failure)") }
        }
        let passed = Self.cases.count - skipped - failures.count
        print("YAML conformance: \(passed) of \(Self.cases.count) passed (\(skipped) outside the subset, \(failures.count) failed)")
        #expect(passed == Self.expectedPasses)
        #expect(skipped == Self.outsideSubset.count)
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }
}

/// Splits a file of concatenated JSON documents (the suite's multi-document `in.json`).
enum JSONDocuments {
    static func split(_ bytes: [UInt8]) throws -> [JSONValue] {
        var documents: [JSONValue] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        while true {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return documents }
            let start = index
            var depth = 0
            var inString = false
            repeat {
                let byte = bytes[index]
                if inString {
                    if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    depth -= 1
                } else if depth == 0, isSpace(byte) {
                    break
                }
                index += 1
            } while index < bytes.count && (depth > 0 || inString || !(bytes[index - 1] == UInt8(ascii: "]") || bytes[index - 1] == UInt8(ascii: "}") || (bytes[index - 1] == UInt8(ascii: "\"") && index - 1 > start)))
            documents.append(try JSONReader.parse(Array(bytes[start..<index])))
        }
    }
}
