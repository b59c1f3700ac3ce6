/// How a file's values must be written, which decides the escaping its template renders with.
public enum TemplateFormat: String, Sendable, Equatable {
    /// XML (Snom `.htm` and `.xml`): every `{{value}}` is escaped for XML text and attributes
    /// (`&`, `<`, `>`, `"`, `'`), which is swift-mustache's default HTML escaping.
    case xml
    /// `key = value` lines (Yealink `.cfg`): values are written as they are; no value can hold a line break
    /// (the context strips control characters), so none can add a key.
    case text

    /// The HTTP `Content-Type` the file is served with.
    public var contentType: String {
        switch self {
        case .xml: "application/xml"
        case .text: "text/plain"
        }
    }
}
