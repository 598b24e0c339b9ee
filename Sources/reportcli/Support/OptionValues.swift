import ReportKit

/// The values a command was given, read back by their ``OptionSpec``, each remembering where
/// it came from so an error names it the way the user wrote it.
///
/// Defaults are not filled in here: a command falls back to its core's options type
/// (`values.integer(Self.slipDelta) ?? SlipsOptions().slipDelta`), so a default lives once.
struct OptionValues: Sendable {
    /// Where a value came from.
    enum Source: Sendable, Hashable {
        case argument
        case eventKey
        case environment(String)
        /// The whole event is the value (a pipeline step's event, which is not options).
        case wholeEvent
    }

    /// One spec's values (one for a value option, any number for a repeatable one, none for
    /// a flag) and their source.
    struct Given: Sendable, Hashable {
        var values: [String]
        var source: Source
    }

    /// How the values were given as a whole: decides how a missing one is named.
    enum Mode: Sendable, Hashable {
        /// A command line (with the options' own environment fallbacks).
        case arguments
        /// A JSON event, with `REPORTKIT_<NAME>` variables under it.
        case event
    }

    /// The command's words, for error messages: `slips`, `pipeline run`.
    let command: String
    let mode: Mode
    private(set) var given: [String: Given] = [:]

    init(command: String, mode: Mode = .arguments) {
        self.command = command
        self.mode = mode
    }

    /// Records `values` for `spec` (a repeatable option's values are added; otherwise replaced).
    mutating func set(_ spec: OptionSpec, _ values: [String], from source: Source) {
        if spec.kind == .repeatable, let earlier = given[spec.name], earlier.source == source {
            given[spec.name] = Given(values: earlier.values + values, source: source)
        } else {
            given[spec.name] = Given(values: values, source: source)
        }
    }

    /// `true` when the spec was given at all (a flag: set).
    func isSet(_ spec: OptionSpec) -> Bool { given[spec.name] != nil }

    /// The value, or `nil` when not given. Given twice, the last one.
    func value(_ spec: OptionSpec) -> String? { given[spec.name]?.values.last }

    /// Where the spec's value came from, or `nil` when not given.
    func source(_ spec: OptionSpec) -> Source? { given[spec.name]?.source }

    /// Every value of a repeatable option, in order.
    func values(_ spec: OptionSpec) -> [String] { given[spec.name]?.values ?? [] }

    /// The value of an option parsing has already checked is present.
    func required(_ spec: OptionSpec) throws(UsageError) -> String {
        guard let value = value(spec) else { throw missing(spec) }
        return value
    }

    /// The value as a whole number, or `nil` when not given.
    func integer(_ spec: OptionSpec) throws(UsageError) -> Int? {
        guard let text = value(spec) else { return nil }
        guard let number = Int(text) else { throw problem(spec, "needs a whole number, got '\(text)'") }
        return number
    }

    /// How the user gave the spec: `--db`, `event key 'db'`, `$TIME_HORIZON`.
    func label(_ spec: OptionSpec) -> String {
        switch given[spec.name]?.source {
        case .eventKey?: return "event key '\(spec.eventKey)'"
        case .environment(let name)?: return "$" + name
        case .wholeEvent?: return "the event"
        case .argument?, nil: return spec.display
        }
    }

    /// A usage error about `spec`, named first: `--timeout must be at least 1 second`.
    func problem(_ spec: OptionSpec, _ problem: String) -> UsageError {
        UsageError(command: command, "\(label(spec)) \(problem)")
    }

    /// `--db is required: the buildables table …`, or in an event
    /// `event key 'db' (or $REPORTKIT_DB) is required: …`.
    func missing(_ spec: OptionSpec) -> UsageError {
        let what: String
        switch mode {
        case .arguments: what = spec.display
        case .event: what = "event key '\(spec.eventKey)' (or $\(spec.environmentKey))"
        }
        let shape = spec.placeholder.isEmpty || spec.kind == .positional ? "" : " (\(spec.placeholder))"
        return UsageError(command: command, "\(what) is required\(shape): \(spec.help)")
    }
}

extension OptionValues {
    /// The value of a `--now`-like option, checked to read as an ISO-8601 time, so a bad one
    /// is named the way it was given (`event key 'now' must be …`).
    func timestamp(_ spec: OptionSpec) throws(UsageError) -> String? {
        guard let text = value(spec) else { return nil }
        guard Timestamp.parse(text) != nil else {
            throw problem(spec, "must be an ISO-8601 date or time, e.g. 2020-05-01T04:05:06Z; got '\(text)'")
        }
        return text
    }
}
