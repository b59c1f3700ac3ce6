import Mustache

/// Parses a template for a file format, so its `{{value}}`s escape as the format needs whatever the template
/// author remembered.
///
/// swift-mustache escapes `{{value}}` as HTML by default (`&`, `<`, `>`, `"`, `'` → entities), which is exactly
/// XML's need. For `key = value` files a `{{% CONTENT_TYPE: TEXT}}` pragma is put on a line of its own before
/// the template (a standalone tag, so it renders nothing) and values are written unescaped. Partials are not
/// offered (no library), so no `{{> name}}` can switch back to HTML escaping or recurse.
enum TemplateCompiler {
    private static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    static func compile(_ source: TemplateText, format: TemplateFormat) throws(ProvisioningError) -> MustacheTemplate {
        let prefixLines: Int
        let text: String
        switch format {
        case .xml:
            prefixLines = 0
            text = source.text
        case .text:
            prefixLines = 1
            text = textPragma + source.text
        }
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw .templateSyntax(
                path: source.origin, line: max(1, error.context.lineNumber - prefixLines),
                column: error.context.columnNumber, reason: "\(error.error)")
        } catch {
            throw .templateSyntax(path: source.origin, line: 1, column: 1, reason: "\(error)")
        }
    }
}
