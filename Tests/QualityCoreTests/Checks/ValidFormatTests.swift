import Foundation
@testable import QualityCore
import Testing

@Suite("Checks: valid formats")
struct ValidFormatTests {
    static let samples = [
        "anna@example.com", "carol@example.com ", "not-an-email", "eve@exämple.com", "hank@example.museum", "a@b.co", "@b.co",
        "a@.co", "a@b.c", "a@b.comm", "a@b.commm", "a+b@c.de", "a@b+c.de", "a@b@c.de", "a.b@c.d.ef", "Ünïcödé@x.io", "x@y.é1", "x@y.1a",
        "x@y..ab", "a@bc.ab.", "", "@", "a@", "日本@x.jp", "a%b_c-d@e-f.gh", "A@B.CO",
        "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000", "123e4567e89b12d3a456426614174000",
        "123e4567-e89b-12d3-a456-42661417400Z", "00000000-0000-0000-0000-000000000000", "123e4567-e89b-12d3-a456-4266141740000",
        " 123e4567-e89b-12d3-a456-426614174000", "g23e4567-e89b-12d3-a456-426614174000",
    ]

    @Test("the fast email and uuid matchers give the same verdicts as the patterns", arguments: [ValidFormat.email, .uuid])
    func fastPathsAgree(_ format: ValidFormat) throws {
        let pattern = try SearchPattern(format.pattern)
        for sample in Self.samples {
            #expect(format.fastMatch(sample) == pattern.finds(in: sample), "\(format.rawValue): '\(sample)'")
        }
    }

    @Test("every format's pattern compiles")
    func patternsCompile() throws {
        for format in ValidFormat.allCases { _ = try SearchPattern(format.pattern) }
        #expect(ValidFormat.allCases.count == 20)
    }

    static let formatSamples = samples + [
        "42", " -7 ", "+ 3", "1.5", "1,5", ".5", ",5", "-0", "0.00", "- 0", "12%", " 3.5 % ", "1e5", "0x1F", "١٢",
        "12/31/2024", "31.12.24", "2024-12-31", "2024-02-30", "20240301", "2024-W05-3", "2024-060", "2024-03-05T10:20:30Z",
        "2024-03-05 10:20:30.123+01:00", "2024-03-05T25:00", "192.168.0.1", "1.2.3", "999.1.1.1", "abc",
    ]

    static func cellVerdict(_ format: ValidFormat, _ sample: String) -> Bool? {
        var text = sample
        return text.withUTF8 { buffer -> Bool? in
            var cell = PresentCell(UnsafeRawBufferPointer(buffer), kind: .text)!
            return format.fastMatch(&cell)
        }
    }

    @Test("a cell's fast email and uuid verdicts, on bytes, are the text's", arguments: [ValidFormat.email, .uuid])
    func fastPathsOnBytes(_ format: ValidFormat) {
        for sample in Self.formatSamples {
            #expect(Self.cellVerdict(format, sample) == format.fastMatch(sample), "\(format.rawValue): '\(sample)'")
        }
    }

    @Test("every format runs on bytes and gives NSRegularExpression's verdicts", arguments: ValidFormat.allCases)
    func formatsOnBytes(_ format: ValidFormat) throws {
        let pattern = try SearchPattern(format.pattern)
        #expect(pattern.runsOnBytes)
        let icu = try NSRegularExpression(pattern: format.pattern)
        for sample in Self.formatSamples {
            let expected = icu.firstMatch(in: sample, range: NSRange(location: 0, length: sample.utf16.count)) != nil
            var text = sample
            let onBytes = text.withUTF8 { pattern.finds(in: UnsafeRawBufferPointer($0)) }
            #expect(onBytes == expected, "\(format.rawValue): '\(sample)'")
            #expect(pattern.finds(in: sample) == expected, "\(format.rawValue): '\(sample)'")
        }
    }

    @Test("a pattern outside the byte subset still searches, through ICU")
    func fallback() throws {
        let pattern = try SearchPattern("\\bfoo\\b")
        #expect(!pattern.runsOnBytes)
        #expect(pattern.finds(in: "a foo b"))
        #expect(!pattern.finds(in: "afoob"))
        var text = "x foo"
        #expect(text.withUTF8 { pattern.finds(in: UnsafeRawBufferPointer($0)) })
        #expect(try SearchPattern("(?i)ssn").matchesStart(of: "SSN_x"))
        #expect(try SearchPattern("ssn.*").matchesStart(of: "ssn_x"))
        #expect(try !SearchPattern("ssn.*").matchesStart(of: "my_ssn"))
    }
}
