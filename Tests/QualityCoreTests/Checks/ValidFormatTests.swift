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
}
