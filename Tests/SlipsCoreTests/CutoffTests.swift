import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import SlipsCore

@Suite("Cutoff")
struct CutoffTests {
    let horizon = may1.addingTimeInterval(-336 * 3600)  // 2020-04-17T04:05:06Z

    func resolve(_ updated: JSONValue?, hours: Int = 336) -> (Cutoff, RecordingLogHandler) {
        let log = RecordingLogHandler()
        var stored: BuildableItem?
        if let updated {
            stored = BuildableItem(["artifact": "NOTIFICATION", "instance": "region-slips", "updated": updated])
        }
        return (Cutoff.resolve(stored: stored, now: may1, horizonHours: hours, logger: log.logger()), log)
    }

    @Test func storedValueLaterThanHorizonIsUsed() {
        let (cutoff, _) = resolve("2020-04-21 04:05:00 UTC")
        #expect(cutoff == Cutoff(instant: Timestamp.parse("2020-04-21T04:05:00Z")!, source: .lastRun))
    }

    @Test func storedValueEqualToHorizonGivesHorizon() {
        let (cutoff, _) = resolve(.string(Timestamp.iso8601(horizon)))
        #expect(cutoff.source == .horizon)
        #expect(cutoff.instant == horizon)
    }

    @Test func storedValueOneSecondAfterHorizonIsUsed() {
        let (cutoff, _) = resolve("2020-04-17T04:05:07Z")
        #expect(cutoff.source == .lastRun)
    }

    @Test func olderStoredValueGivesHorizon() {
        let (cutoff, _) = resolve("2020-04-01")
        #expect(cutoff == Cutoff(instant: horizon, source: .horizon))
    }

    @Test func missingRecordGivesHorizonWithWarning() {
        let (cutoff, log) = resolve(nil)
        #expect(cutoff.instant == horizon)
        #expect(log.messages(at: .warning).count == 1)
    }

    @Test(arguments: ["yesterday", "2020-13-01", ""])
    func unparseableStoredValueGivesHorizonWithWarning(text: String) {
        let (cutoff, log) = resolve(.string(text))
        #expect(cutoff.instant == horizon)
        #expect(log.messages(at: .warning).first?.contains("could not parse") == true)
    }

    @Test func nonTextStoredValueGivesHorizon() {
        let (cutoff, _) = resolve(20200421)
        #expect(cutoff.source == .horizon)
    }

    @Test func offsetIsConvertedToUTC() {
        let (cutoff, _) = resolve("2020-04-21T06:05:00+02:00")
        #expect(Timestamp.iso8601(cutoff.instant) == "2020-04-21T04:05:00Z")
    }

    @Test func horizonHoursMoveTheLimit() {
        let (cutoff, _) = resolve("2020-04-18", hours: 240)  // horizon 2020-04-21T04:05:06Z
        #expect(Timestamp.iso8601(cutoff.instant) == "2020-04-21T04:05:06Z")
    }

    @Test func storedTextIsTheOriginalsFormat() {
        #expect(Cutoff.storedText(for: may1) == "2020-05-01 04:05:06 UTC")
    }
}
