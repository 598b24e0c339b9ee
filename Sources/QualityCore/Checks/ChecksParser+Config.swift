import ReportKit

extension ChecksParser {
    /// The `missing …`, `valid …` and `invalid …` configurations. Regexes must compile,
    /// lengths be whole numbers, formats be known, `valid min`/`max` a number, date or timestamp.
    func rules(_ config: Configuration) throws(LineProblem) -> ColumnRules {
        var rules = ColumnRules()
        if let node = config["missing values"] { rules.missingValues = try values(node, key: "missing values") }
        if let node = config["valid values"] { rules.validValues = try values(node, key: "valid values") }
        if let node = config["invalid values"] { rules.invalidValues = try values(node, key: "invalid values") }
        if let node = config["missing regex"] { rules.missingRegex = try regex(node, key: "missing regex") }
        if let node = config["valid regex"] { rules.validRegex = try regex(node, key: "valid regex") }
        if let node = config["invalid regex"] { rules.invalidRegex = try regex(node, key: "invalid regex") }
        if let node = config["valid min"] { rules.validMin = try bound(node, key: "valid min") }
        if let node = config["valid max"] { rules.validMax = try bound(node, key: "valid max") }
        if let node = config["valid length"] { rules.validLength = try length(node, key: "valid length") }
        if let node = config["valid min length"] { rules.validMinLength = try length(node, key: "valid min length") }
        if let node = config["valid max length"] { rules.validMaxLength = try length(node, key: "valid max length") }
        if let node = config["valid format"] { rules.validFormat = try format(node, key: "valid format") }
        if let node = config["invalid format"] { rules.invalidFormat = try format(node, key: "invalid format") }
        return rules
    }

    private func values(_ node: YAMLNode, key: String) throws(LineProblem) -> [ConfigValue] {
        guard case .sequence(let items) = node.content else { throw LineProblem("\(key) must be a list: \(key): [a, b]", node: node) }
        var values: [ConfigValue] = []
        for item in items {
            guard let text = item.scalarText else { throw LineProblem("\(key) holds plain values, not lists or mappings", node: item) }
            values.append(ConfigValue(text: text, line: item.location.line, column: item.location.column))
        }
        return values
    }

    private func regex(_ node: YAMLNode, key: String) throws(LineProblem) -> String {
        guard let text = node.scalarText else { throw LineProblem("\(key) must be a regular expression (text)", node: node) }
        if let problem = SearchPattern.problem(text) {
            throw LineProblem("\(key) '\(text)' does not compile: \(problem)", node: node)
        }
        return text
    }

    private func bound(_ node: YAMLNode, key: String) throws(LineProblem) -> ConfigValue {
        guard let text = node.scalarText, CellReading.bound(text) != nil else {
            throw LineProblem("\(key) must be a number, a date (YYYY-MM-DD) or a timestamp; got '\(node.scalarText ?? "a collection")'", node: node)
        }
        return ConfigValue(text: text, line: node.location.line, column: node.location.column)
    }

    private func length(_ node: YAMLNode, key: String) throws(LineProblem) -> Int {
        guard let text = node.scalarText, let value = Int(text), value >= 0 else {
            throw LineProblem("\(key) must be a whole number of characters (0 or more); got '\(node.scalarText ?? "a collection")'", node: node)
        }
        return value
    }

    private func format(_ node: YAMLNode, key: String) throws(LineProblem) -> ValidFormat {
        guard let text = node.scalarText, let format = ValidFormat(rawValue: String(text.trimmingSpaces).lowercased()) else {
            throw LineProblem("unknown \(key) '\(node.scalarText ?? "")' (known: \(ValidFormat.names))", node: node)
        }
        return format
    }

    /// After `freshness(`: `col [, VAR]) [< DURATION]`, or zones in the configuration.
    func freshness(_ cursor: inout LineCursor, config: Configuration) throws(LineProblem) -> FreshnessCheck {
        let start = cursor.index
        let inner = cursor.until([")"])
        guard cursor.take(")") else { throw LineProblem("'freshness(' has no closing ')'", at: cursor.index) }
        let arguments = inner.split(separator: ",", omittingEmptySubsequences: false).map { Self.unquoted($0.trimmingSpaces) }
        guard (1...2).contains(arguments.count), !arguments.contains(where: \.isEmpty) else {
            throw LineProblem("freshness takes a column and optionally a variable holding now: freshness(c) or freshness(c, NOW_VAR)", at: start)
        }
        var now: Int64?
        if arguments.count == 2 {
            guard let text = variables[arguments[1]] else {
                throw LineProblem("freshness reads the variable '\(arguments[1])', which is not given (--var \(arguments[1])=ISO-8601)", at: start)
            }
            guard let instant = CellReading.instant(text) else {
                throw LineProblem("variable '\(arguments[1])' is '\(text)', not an ISO 8601 date or timestamp", at: start)
            }
            now = instant
        }
        let column = arguments[0]
        if cursor.atEnd() {
            let fail = try config["fail"].map { node throws(LineProblem) in try freshnessZone(node, level: "fail") }
            let warn = try config["warn"].map { node throws(LineProblem) in try freshnessZone(node, level: "warn") }
            guard fail != nil || warn != nil else {
                throw LineProblem("needs a limit ('freshness(\(column)) < 1d') or warn:/fail: when > LIMIT", at: cursor.index)
            }
            return FreshnessCheck(column: column, now: now, fail: fail, warn: warn)
        }
        cursor.skipSpaces()
        let operatorStart = cursor.index
        guard cursor.take("<=") || cursor.take("<") else {
            throw LineProblem("freshness takes '< LIMIT' (it fails when the data is older than LIMIT), found '\(cursor.rest)'", at: operatorStart)
        }
        let limit = try duration(&cursor, inclusive: false)
        if let node = config["fail"] ?? config["warn"] {
            throw LineProblem("has a limit on its line and warn:/fail: too; use one or the other", node: node)
        }
        return FreshnessCheck(column: column, now: now, fail: limit, warn: nil)
    }

    private func freshnessZone(_ node: YAMLNode, level: String) throws(LineProblem) -> FreshnessLimit {
        guard let text = node.scalarText else { throw LineProblem("\(level) must be 'when > LIMIT', as in '\(level): when > 1d'", node: node) }
        var cursor = LineCursor(text)
        guard cursor.take("when") else { throw LineProblem("\(level) must be 'when > LIMIT', as in '\(level): when > 1d'; got '\(text)'", node: node) }
        let inclusive: Bool
        if cursor.take(">=") { inclusive = true } else if cursor.take(">") { inclusive = false } else {
            throw LineProblem("\(level): freshness zones are 'when > LIMIT' or 'when >= LIMIT'; got '\(text)'", node: node)
        }
        do throws(LineProblem) {
            return try duration(&cursor, inclusive: inclusive)
        } catch {
            throw LineProblem("\(level): \(error.message)", at: error.offset, node: node)
        }
    }

    private func duration(_ cursor: inout LineCursor, inclusive: Bool) throws(LineProblem) -> FreshnessLimit {
        cursor.skipSpaces()
        let start = cursor.index
        let token = cursor.token()
        guard let micros = FreshnessLimit.duration(token) else {
            throw LineProblem("'\(token)' is not a duration: numbers each followed by d, h, m or s, without spaces (1d2h30m)", at: start)
        }
        guard cursor.atEnd() else {
            throw LineProblem("unexpected '\(cursor.rest)' after the duration (a duration has no spaces: 2h30m)", at: cursor.index)
        }
        return FreshnessLimit(micros: micros, inclusive: inclusive, text: token)
    }

    /// The `warn:`/`fail:` parts of `schema:`.
    func schema(_ config: Configuration) throws(LineProblem) -> SchemaCheck {
        let fail = try config["fail"].map { node throws(LineProblem) in try schemaRules(node, level: "fail") }
        let warn = try config["warn"].map { node throws(LineProblem) in try schemaRules(node, level: "warn") }
        guard fail != nil || warn != nil else { throw LineProblem("schema needs warn: or fail: with 'when required column missing: […]' or another when rule") }
        return SchemaCheck(fail: fail, warn: warn)
    }

    private func schemaRules(_ node: YAMLNode, level: String) throws(LineProblem) -> SchemaRules {
        guard case .mapping(let pairs) = node.content else {
            throw LineProblem("schema \(level): must be a mapping of when rules ('when required column missing: [id]')", node: node)
        }
        var rules = SchemaRules()
        for pair in pairs {
            switch pair.key.scalarText ?? "" {
            case "when required column missing":
                rules.requiredColumns = try names(pair.value, key: "when required column missing")
            case "when forbidden column present":
                rules.forbiddenColumns = try names(pair.value, key: "when forbidden column present").map(ColumnPattern.init(text:))
                for pattern in rules.forbiddenColumns {
                    if let problem = SearchPattern.problem(pattern.regex) {
                        throw LineProblem("forbidden column pattern '\(pattern.text)' does not compile as a regex: \(problem)", node: pair.value)
                    }
                }
            case "when wrong column type":
                for entry in try entries(pair.value, key: "when wrong column type") {
                    rules.columnTypes.append((entry.key, String(entry.value.trimmingSpaces)))
                }
            case "when wrong column index":
                for entry in try entries(pair.value, key: "when wrong column index") {
                    guard let index = Int(entry.value), index >= 0 else {
                        throw LineProblem("when wrong column index: '\(entry.key)' needs a 0-based index, got '\(entry.value)'", node: pair.value)
                    }
                    rules.columnIndexes.append((entry.key, index))
                }
            default:
                throw LineProblem(
                    "unknown schema rule '\(pair.key.scalarText ?? "")' (known: when required column missing, when forbidden column present, when wrong column type, when wrong column index)",
                    node: pair.key)
            }
        }
        return rules
    }

    private func names(_ node: YAMLNode, key: String) throws(LineProblem) -> [String] {
        guard case .sequence(let items) = node.content else { throw LineProblem("\(key) must be a list of column names", node: node) }
        var names: [String] = []
        for item in items {
            guard let text = item.scalarText else { throw LineProblem("\(key) holds column names, not collections", node: item) }
            names.append(text)
        }
        return names
    }

    private func entries(_ node: YAMLNode, key: String) throws(LineProblem) -> [(key: String, value: String)] {
        guard case .mapping(let pairs) = node.content else { throw LineProblem("\(key) must be a mapping of column: value", node: node) }
        var entries: [(key: String, value: String)] = []
        for pair in pairs {
            guard let name = pair.key.scalarText, let value = pair.value.scalarText else {
                throw LineProblem("\(key) maps a column name to a plain value", node: pair.key)
            }
            entries.append((name, value))
        }
        return entries
    }
}
