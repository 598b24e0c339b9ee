import ReportKit
import Testing
@testable import reportcli

/// A command's values from a JSON event and the environment.
@Suite("Event input")
struct EventInputTests {
    let specs = SlipsCommand().options

    func values(_ event: JSONValue, _ environment: [String: String] = [:]) throws(UsageError) -> OptionValues {
        try EventInput.values(event, specs: specs, command: "slips", environment: Environment(environment))
    }

    @Test("keys are the option names; numbers and strings become values; flags count with any value")
    func keys() throws {
        let values = try values(["db": "Fixtures/slips/e2e_db.yaml", "now": "2020-05-01T04:05:06Z", "horizon-hours": 240, "dryrun": "", "logmm": nil, "debug": false])
        #expect(values.value(SlipsCommand.db) == "Fixtures/slips/e2e_db.yaml")
        #expect(try values.integer(SlipsCommand.horizon) == 240)
        #expect(values.isSet(SlipsCommand.dryRun) && values.isSet(SlipsCommand.logPayload) && values.isSet(SlipsCommand.debug))
        #expect(!values.isSet(SlipsCommand.notifyURL))
        #expect(values.label(SlipsCommand.horizon) == "event key 'horizon-hours'")
    }

    @Test("REPORTKIT_<NAME> gives what the event does not; event keys win; then the option's own variable")
    func environment() throws {
        let environment = ["REPORTKIT_DB": "from-env.yaml", "REPORTKIT_HORIZON_HOURS": "100", "REPORTKIT_DRYRUN": "1", "TIME_HORIZON": "7", "REPORTKIT_SLIP_DELTA": "45"]
        let values = try values(["db": "from-event.yaml", "horizon-hours": 240], environment)
        #expect(values.value(SlipsCommand.db) == "from-event.yaml")
        #expect(values.value(SlipsCommand.horizon) == "240")
        #expect(values.value(SlipsCommand.slipDelta) == "45")
        #expect(values.label(SlipsCommand.slipDelta) == "$REPORTKIT_SLIP_DELTA")
        #expect(values.isSet(SlipsCommand.dryRun))

        let legacy = try self.values(["db": "x"], ["TIME_HORIZON": "7"])
        #expect(legacy.value(SlipsCommand.horizon) == "7")
        let both = try self.values(["db": "x"], ["TIME_HORIZON": "7", "REPORTKIT_HORIZON_HOURS": "100"])
        #expect(both.value(SlipsCommand.horizon) == "100")
        let empty = try self.values(["db": "x"], ["REPORTKIT_DRYRUN": ""])
        #expect(!empty.isSet(SlipsCommand.dryRun))
    }

    @Test("a null value is absent; a required option missing everywhere names the key and the variable")
    func missing() {
        #expect(throws: UsageError.self) { try values(["db": nil]) }
        do {
            _ = try values(["dryrun": ""])
            Issue.record("no error")
        } catch {
            #expect(error.message.hasPrefix("event key 'db' (or $REPORTKIT_DB) is required"), "\(error.message)")
        }
    }

    @Test("bad events are usage errors naming the key", arguments: [
        (JSONValue.array([]) as JSONValue, "the event must be a JSON object of options, got an array"),
        (["db": "x", "dry-run": ""] as JSONValue, "event key 'dry-run' is not an option of slips (did you mean 'dryrun'?)"),
        (["db": ["a", "b"]] as JSONValue, "event key 'db' needs a string, number or boolean, got an array"),
        (["db": ["path": "x"]] as JSONValue, "event key 'db' needs a string, number or boolean, got an object"),
    ])
    func badEvents(event: JSONValue, message: String) {
        do {
            _ = try values(event)
            Issue.record("no error for \(event)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("a repeatable option takes a list or one value")
    func repeatable() throws {
        let data = OptionSpec.repeatable("data", "NAME=PATH", help: "a table")
        let list = try EventInput.values(["data": ["a=x", "b=y"]], specs: [data], command: "check", environment: Environment([:]))
        #expect(list.values(data) == ["a=x", "b=y"])
        let one = try EventInput.values(["data": "a=x"], specs: [data], command: "check", environment: Environment([:]))
        #expect(one.values(data) == ["a=x"])
    }

    @Test("numbers keep their text: whole ones without a decimal point")
    func numbers() throws {
        #expect(try EventInput.scalar(240, label: "k", command: "c") == "240")
        #expect(try EventInput.scalar(2.5, label: "k", command: "c") == "2.5")
        #expect(try EventInput.scalar(true, label: "k", command: "c") == "true")
    }
}
