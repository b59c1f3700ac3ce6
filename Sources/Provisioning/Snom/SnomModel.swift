/// Snom model names as phones spell them in file names, User-Agents and DHCP option 60 (`snom` + type).
///
/// The phone type is `snom` followed by the model: `snomD715`, `snom300`. The D715 also goes by its pre-rename
/// name `snom715` (wazo-provd-plugins' `715` model; firmware `snom715-<version>-SIP-r.bin`), so both names are
/// served. Other pre-rename aliases get added here once a lab capture shows them.
enum SnomModel {
    /// Legacy name → canonical name.
    static let aliases: [String: String] = ["715": "D715"]

    /// Models Castor has templates and facts for; others are served as `probable`.
    static let known: Set<String> = [
        "D715", "D710", "D712", "D713", "D717", "D725", "D735", "D745", "D765", "D785",
        "D305", "D315", "D345", "D375", "D385", "300", "320", "360", "370", "710", "720", "760", "820", "821", "870",
    ]

    /// `snomD715`, `D715`, `d715`, `715` → `D715`; nil when the text cannot be a Snom model.
    static func canonical(_ text: String) -> String? {
        var name = Substring(text)
        if name.lowercased().hasPrefix("snom") { name = name.dropFirst(4) }
        guard (1...16).contains(name.utf8.count),
            name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else { return nil }
        var model = String(name)
        if model.first == "d" { model = "D" + model.dropFirst() }
        return aliases[model] ?? model
    }

    /// Every phone type a model answers to: `D715` → `["snomD715", "snom715"]`.
    static func phoneTypes(of model: String) -> [String] {
        ["snom" + model] + aliases.filter { $0.value == model }.keys.sorted().map { "snom" + $0 }
    }

    /// Snom's OUIs (wazo-provd-plugins' DHCP class, `dhcpd_update/snom.conf`).
    static let ouis: [[UInt8]] = [[0x00, 0x04, 0x13], [0x00, 0x08, 0x7b]]
}
