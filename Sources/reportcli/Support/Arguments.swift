/// The command line after a command's words, read against the command's ``OptionSpec``s.
///
/// Accepted: `--name VALUE`, `--name=VALUE`, flags, repeated options, bare words for the
/// positionals (a value that belongs to an option is never taken for one), `--` (everything
/// after it is positional), and `-h`/`--help` anywhere, which asks for help instead.
/// Problems are reported in the order they appear on the line, so an unknown option is named
/// before a required option that is missing; then an option not given falls back to its
/// environment variable, and only then is a missing required one an error.
enum Arguments {
    /// What the line asks for.
    enum Parsed: Sendable {
        case help
        case values(OptionValues)
    }

    static func parse(
        _ tokens: [String], specs: [OptionSpec], command: String, environment: Environment
    ) throws(UsageError) -> Parsed {
        var values = OptionValues(command: command, mode: .arguments)
        let positionals = specs.filter { $0.kind == .positional }
        var nextPositional = 0
        var firstProblem: UsageError?
        var wantsHelp = false
        var onlyPositionals = false
        func note(_ message: String) {
            if firstProblem == nil { firstProblem = UsageError(command: command, message) }
        }

        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if !onlyPositionals, token == "--" {
                onlyPositionals = true
            } else if !onlyPositionals, token == "--help" || token == "-h" {
                wantsHelp = true
            } else if !onlyPositionals, token.hasPrefix("-"), token != "-" {
                let (name, inline) = split(token)
                guard name.hasPrefix("--"), let spec = specs.first(where: { $0.kind != .positional && "--" + $0.name == name }) else {
                    let known = specs.filter { $0.kind != .positional }.map(\.display)
                    note("unknown option '\(name)'" + Suggestion.clause(for: name, in: known))
                    continue
                }
                switch spec.kind {
                case .flag:
                    if inline != nil { note("\(name) is a flag and takes no value") }
                    values.set(spec, [], from: .argument)
                case .value, .repeatable:
                    if let inline {
                        values.set(spec, [inline], from: .argument)
                    } else if index < tokens.count, !tokens[index].hasPrefix("--") {
                        values.set(spec, [tokens[index]], from: .argument)
                        index += 1
                    } else {
                        note("\(name) needs a value: \(spec.placeholder)")
                    }
                case .positional:
                    break
                }
            } else if nextPositional < positionals.count {
                values.set(positionals[nextPositional], [token], from: .argument)
                nextPositional += 1
            } else {
                note("unexpected argument '\(token)'")
            }
        }
        if wantsHelp { return .help }
        if let firstProblem { throw firstProblem }
        for spec in specs where !values.isSet(spec) {
            if let variable = spec.environment, let value = environment[variable] {
                values.set(spec, spec.kind == .flag ? [] : [value], from: .environment(variable))
            }
        }
        if let missing = specs.first(where: { $0.isRequired && !values.isSet($0) }) { throw values.missing(missing) }
        return .values(values)
    }

    /// `--name=value` as (`--name`, `value`); anything else as (token, nil).
    static func split(_ token: String) -> (name: String, inline: String?) {
        guard token.hasPrefix("--"), let equals = token.firstIndex(of: "=") else { return (token, nil) }
        return (String(token[..<equals]), String(token[token.index(after: equals)...]))
    }

    /// The first bare word in `tokens` and its index, skipping the values of `valueOptions`
    /// (names with dashes), `--name=value` tokens and flags; `nil` when there is none or
    /// `--` comes first.
    static func firstWord(in tokens: [String], valueOptions: Set<String>) -> Int? {
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token == "--" { return nil }
            if token.hasPrefix("-"), token != "-" {
                index += valueOptions.contains(token) ? 2 : 1
            } else {
                return index
            }
        }
        return nil
    }
}
