import ReportKit

/// A command's values from a JSON event and the environment instead of a command line: the
/// input of a run that an event starts (the Lambda loop calls the same `run` with these).
///
/// - Event keys are the option names without dashes: `{"now": "…", "db": "…",
///   "horizon-hours": 240, "dryrun": ""}`. A flag counts as set when its key is present,
///   whatever the value (`null`, `""`, `false` too), as the slips seed's event says. A value
///   option takes a string, a number or a boolean (`null` is the same as absent); a repeatable
///   one a list of those, or one. A key that is no option of the command is a usage error, so
///   a misspelt key is not silently ignored.
/// - Variables named `REPORTKIT_` and the option's name in capitals with `-` as `_`
///   (`REPORTKIT_HORIZON_HOURS`) give what the event does not; an empty variable is unset and
///   any other value sets a flag. Then the option's own variable, where it has one
///   (`TIME_HORIZON`). Event keys win over both.
enum EventInput {
    static func values(
        _ event: JSONValue, specs: [OptionSpec], command: String, environment: Environment
    ) throws(UsageError) -> OptionValues {
        var values = OptionValues(command: command, mode: .event)
        let members: [JSONObject.Member]
        switch event {
        case .null: members = []
        case .object(let object): members = Array(object)
        default: throw UsageError(command: command, "the event must be a JSON object of options, got \(event.kindDescription)")
        }
        for member in members {
            guard let spec = specs.first(where: { $0.eventKey == member.key }) else {
                throw UsageError(
                    command: command,
                    "event key '\(member.key)' is not an option of \(command)" + Suggestion.clause(for: member.key, in: specs.map(\.eventKey)))
            }
            let label = "event key '\(member.key)'"
            switch spec.kind {
            case .flag:
                values.set(spec, [], from: .eventKey)
            case .value, .positional:
                if member.value.isNull { continue }
                values.set(spec, [try scalar(member.value, label: label, command: command)], from: .eventKey)
            case .repeatable:
                let elements = member.value.arrayValue ?? [member.value]
                var texts: [String] = []
                for element in elements { texts.append(try scalar(element, label: label, command: command)) }
                values.set(spec, texts, from: .eventKey)
            }
        }
        for spec in specs where !values.isSet(spec) {
            for variable in [spec.environmentKey] + (spec.environment.map { [$0] } ?? []) {
                guard let value = environment[variable] else { continue }
                values.set(spec, spec.kind == .flag ? [] : [value], from: .environment(variable))
                break
            }
        }
        if let missing = specs.first(where: { $0.isRequired && !values.isSet($0) }) { throw values.missing(missing) }
        return values
    }

    /// A string, number or boolean as option text: `240`, `2.5`, `true`.
    static func scalar(_ value: JSONValue, label: String, command: String) throws(UsageError) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number: return value.intValue.map(String.init) ?? JSONWriter.compact(value)
        case .null, .array, .object:
            throw UsageError(command: command, "\(label) needs a string, number or boolean, got \(value.kindDescription)")
        }
    }
}
