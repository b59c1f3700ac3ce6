/// Templates held in a dictionary, keyed by relative path: for tests and for templates compiled into a tool.
///
/// ```swift
/// let source = InMemoryTemplateSource(["snom/base/device.xml.mustache": "<settings/>"])
/// ```
public struct InMemoryTemplateSource: TemplateSource {
    public var templates: [String: String]

    public init(_ templates: [String: String] = [:]) {
        self.templates = templates
    }

    public func template(at path: String) throws(ProvisioningError) -> TemplateText? {
        try TemplatePath.check(path)
        return templates[path].map { TemplateText(text: $0, origin: "memory:" + path) }
    }
}
