import Foundation
import ReportKitTestSupport
import Testing
@testable import reportcli

/// `deploy/template.yaml`: valid for cfn-lint, and with every job the README lists.
@Suite("The SAM template")
struct DeployTemplateTests {
    static var template: String { get throws { try String(contentsOf: FixturePaths.packageRoot.appendingPathComponent("deploy/template.yaml"), encoding: .utf8) } }

    static var cfnLint: String? { ProcessInfo.processInfo.environment["REPORTKIT_CFN_LINT"] }
    static var shouldLint: Bool {
        if cfnLint != nil || ProcessInfo.processInfo.environment["REPORTKIT_CI"] == "1" { return true }
        print("notice: REPORTKIT_CFN_LINT is not set; skipping cfn-lint (.ci/steps/lambda.sh installs it)")
        return false
    }

    @Test("cfn-lint passes", .enabled(if: shouldLint))
    func lint() throws {
        let tool = try #require(Self.cfnLint, "REPORTKIT_CFN_LINT is not set (.ci/steps/lambda.sh installs cfn-lint)")
        let outcome = try ProcessRunner.run(
            URL(fileURLWithPath: tool), ["deploy/template.yaml"], environment: .inherited(adding: [:]),
            workingDirectory: FixturePaths.packageRoot, timeout: 300)
        #expect(outcome.status == 0 && !outcome.timedOut, "\(outcome.stdoutText)\(outcome.stderrText)")
    }

    @Test("the schedules, the S3 -> SQS chain, and each function's handler")
    func jobs() throws {
        let template = try Self.template
        for line in ["Schedule: cron(0 6 ? * MON *)", "Schedule: cron(0 2 * * ? *)", "Schedule: rate(6 hours)",
                     "Type: SQS", "FunctionResponseTypes: [ReportBatchItemFailures]", "Runtime: provided.al2023",
                     "OriginAccessControlId: !GetAtt ViewerOriginAccessControl.Id"] {
            #expect(template.contains(line), "missing: \(line)")
        }
        let handlers = template.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("Handler: ") ? String(text.dropFirst("Handler: ".count)) : nil
        }
        #expect(Set(handlers) == ["slips", "run", "pipeline", "sync"])
        for handler in handlers where ["slips", "pipeline"].contains(handler) {
            #expect(throws: Never.self) { try LambdaHandler(handler, registry: .standard) }
        }
    }

    @Test("every bucket blocks public access")
    func buckets() throws {
        let template = try Self.template
        let buckets = template.components(separatedBy: "Type: AWS::S3::Bucket\n").count - 1
        #expect(buckets == 2)
        #expect(template.components(separatedBy: "RestrictPublicBuckets: true").count - 1 == buckets)
        #expect(!template.contains("PublicRead"))
    }
}
