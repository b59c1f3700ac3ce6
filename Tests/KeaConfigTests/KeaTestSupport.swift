import KeaConfig

/// Helpers for the KeaConfig tests: parse a text, or get the error it fails with.
enum Kea {
    static func parse(_ text: String) throws(KeaConfigError) -> KeaDHCP4Config {
        try KeaDHCP4Config.parse(text: text, file: "f")
    }

    /// `{"Dhcp4": {<body>}}` parsed.
    static func dhcp4(_ body: String) throws(KeaConfigError) -> KeaDHCP4Config {
        try parse(#"{"Dhcp4": {"# + body + "}}")
    }

    /// The error `text` fails with, or `nil` if it loads.
    static func failure(_ text: String) -> KeaConfigError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// The payload of the option with `code` in `options`.
    static func payload(_ options: [KeaOptionData], _ code: UInt8) -> [UInt8]? {
        options.first { $0.code == code && $0.space == "dhcp4" }?.data
    }
}
