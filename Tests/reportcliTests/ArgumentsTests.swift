import Testing
@testable import reportcli

/// The command line read against option specs.
@Suite("Arguments")
struct ArgumentsTests {
    static let data = OptionSpec.repeatable("data", "NAME=PATH", help: "a table")
    static let store = OptionSpec.value("store", "DIR", help: "the store", required: true)
    static let dryRun = OptionSpec.flag("dryrun", help: "send nothing")
    static let horizon = OptionSpec.value("horizon-hours", "N", help: "hours", environment: "TIME_HORIZON")
    static let target = OptionSpec.positional("target", "TARGET", help: "what to run")
    static let specs = [data, store, dryRun, horizon, target]

    func parse(_ tokens: [String], environment: [String: String] = [:]) throws(UsageError) -> OptionValues {
        switch try Arguments.parse(tokens, specs: Self.specs, command: "demo", environment: Environment(environment)) {
        case .help: throw UsageError(command: "demo", "help was asked for")
        case .values(let values): return values
        }
    }

    func problem(_ tokens: [String]) -> String? {
        do {
            _ = try parse(tokens)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("a repeatable option keeps every value, in order")
    func repeatable() throws {
        let values = try parse(["--data", "a=x.csv", "--store", "s", "--data=b=y.csv", "--data", "c=z.csv"])
        #expect(values.values(Self.data) == ["a=x.csv", "b=y.csv", "c=z.csv"])
    }

    @Test("--name=value and --name value; the last of a value option counts")
    func inlineValues() throws {
        let values = try parse(["--store=one", "--store", "two", "--horizon-hours=240"])
        #expect(values.value(Self.store) == "two")
        #expect(try values.integer(Self.horizon) == 240)
        #expect(values.label(Self.store) == "--store")
    }

    @Test("a positional skips option values: the option's value is never taken for it")
    func positionalSkipsValues() throws {
        let values = try parse(["--store", "run-me-not", "--dryrun", "go", "--horizon-hours", "3"])
        #expect(values.value(Self.target) == "go")
        #expect(values.value(Self.store) == "run-me-not")
        #expect(values.isSet(Self.dryRun))
    }

    @Test("after --, everything is positional")
    func doubleDash() throws {
        let values = try parse(["--store", "s", "--", "--dryrun"])
        #expect(values.value(Self.target) == "--dryrun")
        #expect(!values.isSet(Self.dryRun))
    }

    @Test("an unknown option is reported before a missing required one")
    func unknownBeforeMissing() {
        #expect(problem(["--frobnicate", "--dryrun"]) == "unknown option '--frobnicate'")
        #expect(problem(["--dryrun"])?.hasPrefix("--store is required") == true)
    }

    @Test("problems are named option first, in the order they appear", arguments: [
        (["--store"], "--store needs a value: DIR"),
        (["--store", "--dryrun"], "--store needs a value: DIR"),
        (["--store", "s", "--dryrun=yes"], "--dryrun is a flag and takes no value"),
        (["--store", "s", "a", "b"], "unexpected argument 'b'"),
        (["--store", "s", "--dryrn"], "unknown option '--dryrn' (did you mean '--dryrun'?)"),
        (["--store", "s", "-x"], "unknown option '-x'"),
        (["--stor=secret"], "unknown option '--stor' (did you mean '--store'?)"),
    ])
    func problems(tokens: [String], message: String) {
        #expect(problem(tokens) == message)
    }

    @Test("-h or --help anywhere asks for help, even after a mistake")
    func help() throws {
        for tokens in [["--help"], ["--store", "s", "-h"], ["--frobnicate", "--help"]] {
            guard case .help = try Arguments.parse(tokens, specs: Self.specs, command: "demo", environment: Environment([:])) else {
                Issue.record("\(tokens) did not ask for help")
                continue
            }
        }
    }

    @Test("an option not given falls back to its own variable; the command line wins")
    func environmentFallback() throws {
        let fromEnvironment = try parse(["--store", "s"], environment: ["TIME_HORIZON": "240", "REPORTKIT_HORIZON_HOURS": "1"])
        #expect(fromEnvironment.value(Self.horizon) == "240")
        #expect(fromEnvironment.label(Self.horizon) == "$TIME_HORIZON")
        let given = try parse(["--store", "s", "--horizon-hours", "5"], environment: ["TIME_HORIZON": "240"])
        #expect(given.value(Self.horizon) == "5")
        #expect(try parse(["--store", "s"], environment: ["TIME_HORIZON": ""]).value(Self.horizon) == nil)
    }

    @Test("a bad number is named the way it was given")
    func badNumber() throws {
        let values = try parse(["--store", "s"], environment: ["TIME_HORIZON": "soon"])
        #expect(throws: UsageError(command: "demo", "$TIME_HORIZON needs a whole number, got 'soon'")) { try values.integer(Self.horizon) }
    }
}
