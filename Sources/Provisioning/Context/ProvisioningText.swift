/// Makes a value safe to put on one line of any provisioning format.
///
/// XML 1.0 forbids most C0 controls outright (a `\u{1}` in a display name would make the whole file
/// unparseable), and a line break in a `key = value` file would start a new key — an injection. So every
/// control character (C0, DEL, C1), the Unicode line and paragraph separators, and the non-characters
/// U+FFFE/U+FFFF become a space. Escaping of `&`, `<`, … is the template engine's job (see `TemplateFormat`).
enum ProvisioningText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isUnsafe(scalar) ? " " : scalar)
        }
        return String(scalars)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1f, 0x7f...0x9f, 0x2028, 0x2029, 0xfffe, 0xffff: true
        default: false
        }
    }
}
