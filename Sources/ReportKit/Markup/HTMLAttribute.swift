/// One attribute of an element: a name and a value that is always escaped and written in
/// double quotes, or a name alone (``flag(_:)``, for boolean attributes such as `hidden`).
///
/// The name and value are checked when rendered (``HTMLAttributeRules``): event handlers
/// (`onclick`, …) are refused, URL attributes (`href`, `src`, …) take only safe URLs, and
/// `srcdoc` needs a `sandbox` on the same element that does not allow scripts.
public struct HTMLAttribute: Sendable, Hashable {
    public let name: String
    /// `nil` for a boolean attribute written without a value.
    public let value: String?

    /// `name="value"`, the value escaped.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    private init(flag name: String) {
        self.name = name
        self.value = nil
    }

    /// A boolean attribute written as its name alone (`hidden`, `open`, `disabled`).
    public static func flag(_ name: String) -> HTMLAttribute {
        HTMLAttribute(flag: name)
    }

    /// `class="…"`.
    public static func `class`(_ names: String) -> HTMLAttribute {
        HTMLAttribute("class", names)
    }

    /// `id="…"`.
    public static func id(_ id: String) -> HTMLAttribute {
        HTMLAttribute("id", id)
    }

    /// `href="…"`; rendering fails unless ``HTMLAttributeRules/isSafeURL(_:attribute:)``.
    public static func href(_ url: String) -> HTMLAttribute {
        HTMLAttribute("href", url)
    }
}
