/// How charts write numbers and fit labels.
public enum ChartText {
    /// `value` for a label or tick: integers as they are (`1234`), others with at most three
    /// decimals and no trailing zeros (`0.25`), very large or small ones in exponent form.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == value.rounded(), abs(value) < 1e15 { return minus(String(Int(value))) }
        let magnitude = abs(value)
        if magnitude >= 1e15 || magnitude < 1e-3 { return minus("\(value)") }
        var text = String(Int((magnitude * 1000).rounded()))
        while text.count < 4 { text = "0" + text }
        var whole = String(text.dropLast(3))
        var fraction = String(text.suffix(3))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if whole.isEmpty { whole = "0" }
        let body = fraction.isEmpty ? whole : whole + "." + fraction
        return value < 0 ? "−" + body : body
    }

    /// A change with its sign written out: `+15`, `−3`, `0`.
    public static func signed(_ value: Double) -> String {
        value > 0 ? "+" + number(value) : number(value)
    }

    /// `label` cut to `limit` characters with an ellipsis, and whether it was cut (the chart
    /// then adds the whole label as a `<title>` tooltip).
    public static func fitted(_ label: String, limit: Int) -> (text: String, cut: Bool) {
        guard label.count > limit, limit > 1 else { return (label, false) }
        return (String(label.prefix(limit - 1)) + "…", true)
    }

    /// A negative number's `-` as the minus sign U+2212.
    private static func minus(_ text: String) -> String {
        text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
