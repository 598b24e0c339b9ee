import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Retrying transport")
struct RetryingTransportTests {
    let request = HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:9/hook/SECRET")!, timeout: 1)

    func retrying(_ base: ScriptedTransport, waits: WaitLog) -> RetryingTransport {
        RetryingTransport(base, policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.1, maxDelay: 1, budget: 5),
                          sleep: { await waits.add($0) }, random: { 0.5 })
    }

    @Test func retriesA500ThenSucceeds() async throws {
        let base = ScriptedTransport(statuses: [500, 200])
        let waits = WaitLog()
        let response = try await retrying(base, waits: waits).send(request)
        #expect(response.status == 200)
        #expect(base.requests.count == 2)
        #expect(await waits.values == [0.05])
    }

    @Test func returnsTheLastResponseWhenAttemptsRunOut() async throws {
        let base = ScriptedTransport(statuses: [503, 502, 500])
        let response = try await retrying(base, waits: WaitLog()).send(request)
        #expect(response.status == 500)
        #expect(base.requests.count == 3)
    }

    @Test func doesNotRetryA400() async throws {
        let base = ScriptedTransport(statuses: [400])
        let response = try await retrying(base, waits: WaitLog()).send(request)
        #expect(response.status == 400 && base.requests.count == 1)
    }

    @Test func retriesTransportFailuresThenRethrows() async throws {
        let failure = HTTPTransportError(.connectionFailed, host: "127.0.0.1:9", "could not connect")
        let base = ScriptedTransport([.fail(failure), .fail(failure), .fail(failure)])
        await #expect(throws: failure) { _ = try await retrying(base, waits: WaitLog()).send(request) }
        #expect(base.requests.count == 3)
    }

    @Test("a 429 whose Retry-After is past the longest backoff is waited in full; one past the budget is not retried")
    func retryAfterPastTheCeiling() async throws {
        let slowDown = HTTPResponse(status: 429, headers: ["Retry-After": "3"])
        let base = ScriptedTransport([.respond(slowDown), .respond(HTTPResponse(status: 200))])
        let waits = WaitLog()
        #expect(try await retrying(base, waits: waits).send(request).status == 200)
        #expect(await waits.values == [3])

        let tooLate = ScriptedTransport([.respond(HTTPResponse(status: 503, headers: ["Retry-After": "30"]))])
        let noWaits = WaitLog()
        #expect(try await retrying(tooLate, waits: noWaits).send(request).status == 503)
        #expect(await noWaits.values.isEmpty && tooLate.requests.count == 1)
    }

    @Test func logsNeverShowThePath() async throws {
        let log = RecordingLogHandler()
        var transport = retrying(ScriptedTransport(statuses: [500, 500, 500]), waits: WaitLog())
        transport.logger = log.logger()
        _ = try await transport.send(request)
        #expect(!log.lines.isEmpty)
        #expect(log.lines.allSatisfy { !$0.message.contains("SECRET") && !$0.message.contains("/hook") })
    }
}

actor WaitLog {
    var values: [Double] = []
    func add(_ value: Double) { values.append(value) }
}
