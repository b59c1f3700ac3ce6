import CastorJSON
import KeaExpression

extension KeaDHCP4Parser {
    /// Classes Kea 2.2 defines itself (`client_class_def.cc`, `builtinNames`), which `member('…')` may name
    /// without defining them.
    static let builtInClasses: Set<String> = ["ALL", "KNOWN", "UNKNOWN", "BOOTP"]
    /// Prefixes of built-in class names (`builtinPrefixes`): `VENDOR_CLASS_snom715`, `HA_server1`…
    static let builtInClassPrefixes = ["VENDOR_CLASS_", "HA_", "AFTER_", "EXTERNAL_"]

    /// A class's `test`, parsed as Kea 2.2 parses it at load time: `option[NAME]` resolves standard names and
    /// the configuration's `option-def`s, and `member('x')` must name a built-in class or one defined earlier
    /// in `client-classes` (Kea refuses forward references to avoid loops).
    ///
    /// A refusal keeps Kea's wording (`expression: [TEST] error: syntax error, …`) and points inside the string
    /// when it has no escapes, else at its opening quote.
    func parseClassTest(_ text: String, at position: JSONPosition, earlierClasses: [KeaClientClass])
        throws(KeaConfigError) -> KeaClientClass.Test
    {
        let definitions = definitions
        do {
            let expression = try KeaExpression(
                parsing: text,
                optionCode: { definitions.definition(space: "dhcp4", name: $0)?.code },
                isDefinedClass: { name in
                    Self.builtInClasses.contains(name) || Self.builtInClassPrefixes.contains { name.hasPrefix($0) }
                        || earlierClasses.contains { $0.name == name }
                })
            return KeaClientClass.Test(text: text, position: position, expression: expression)
        } catch {
            throw self.error(
                positionInString(at: position, offset: error.offset),
                "expression: [\(text)] error: \(error.message)")
        }
    }

    /// Where character `offset` of the string literal opening at `position` is in the file, or the opening
    /// quote when an escape comes first (JSON escapes make the text shorter than its source).
    func positionInString(at position: JSONPosition, offset: Int) -> JSONPosition {
        let lines = source.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard position.line >= 1, position.line <= lines.count else { return position }
        let scalars = Array(String(decoding: lines[position.line - 1], as: UTF8.self).unicodeScalars)
        let quote = position.column - 1
        guard quote >= 0, quote < scalars.count, scalars[quote] == "\"" else { return position }
        var index = quote + 1
        while index < scalars.count, index - quote - 1 < offset {
            if scalars[index] == "\\" || scalars[index] == "\"" { return position }
            index += 1
        }
        return JSONPosition(line: position.line, column: position.column + 1 + offset)
    }
}
