/// One thing a command accepts: a flag, an option with a value, a repeatable option or a
/// positional argument.
///
/// The same spec drives parsing (``Arguments``), input from a JSON event and the environment
/// (``EventInput``) and the command's OPTIONS block in help (``HelpText``), so the three
/// cannot disagree. A spec is also the key its value is read back by (``OptionValues``).
struct OptionSpec: Sendable, Hashable {
    /// What the spec takes on the command line.
    enum Kind: Sendable, Hashable {
        /// `--name`: present or not.
        case flag
        /// `--name VALUE` or `--name=VALUE`; given twice, the last one counts.
        case value
        /// `--name VALUE`, as many times as wanted (`--data a=x --data b=y`).
        case repeatable
        /// A bare word, in order; option values are never taken for one.
        case positional
    }

    /// The name without dashes: `db`, `horizon-hours`. The event key and the
    /// `REPORTKIT_<NAME>` variable are made from it.
    let name: String
    let kind: Kind
    /// What the value looks like in help: `PATH|dynamodb://TABLE`, `N`. Empty for a flag.
    let placeholder: String
    /// One or two sentences for the OPTIONS block (wrapped when shown).
    let help: String
    /// The default shown in help, taken from the core's options type: `336`.
    let defaultText: String?
    /// A variable read when the option is not given, where one exists for it (`TIME_HORIZON`).
    let environment: String?
    /// A run without it is a usage error.
    let isRequired: Bool

    /// `--db`, or the placeholder of a positional.
    var display: String { kind == .positional ? placeholder : "--" + name }

    /// `--db PATH|dynamodb://TABLE`, `--dryrun`, `NAME`.
    var synopsis: String { kind == .flag || kind == .positional ? display : "\(display) \(placeholder)" }

    /// The event key that gives the option: its name.
    var eventKey: String { name }

    /// `REPORTKIT_HORIZON_HOURS` for `horizon-hours`.
    var environmentKey: String {
        "REPORTKIT_" + String(name.uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// A flag: `--name`.
    static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .flag, placeholder: "", help: help, defaultText: nil, environment: nil, isRequired: false)
    }

    /// An option with one value: `--name PLACEHOLDER`.
    static func value(
        _ name: String, _ placeholder: String, help: String, default defaultText: String? = nil,
        environment: String? = nil, required: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, kind: .value, placeholder: placeholder, help: help, defaultText: defaultText,
            environment: environment, isRequired: required)
    }

    /// An option given any number of times: `--name PLACEHOLDER …`.
    static func repeatable(_ name: String, _ placeholder: String, help: String, required: Bool = false) -> OptionSpec {
        OptionSpec(name: name, kind: .repeatable, placeholder: placeholder, help: help, defaultText: nil, environment: nil, isRequired: required)
    }

    /// A bare word; `name` is its event key, `placeholder` how help shows it.
    static func positional(_ name: String, _ placeholder: String, help: String, required: Bool = false) -> OptionSpec {
        OptionSpec(name: name, kind: .positional, placeholder: placeholder, help: help, defaultText: nil, environment: nil, isRequired: required)
    }
}
