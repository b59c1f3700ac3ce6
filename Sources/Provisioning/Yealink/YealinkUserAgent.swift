import CastorCore

/// What a Yealink User-Agent says: `Yealink SIP-<model> <version> <mac>`.
struct YealinkUserAgent: Equatable {
    var model: String
    var version: String?
    var mac: MACAddress?

    init?(parsing userAgent: String) {
        var tokens = userAgent.split(separator: " ").map(String.init)
        guard let first = tokens.first else { return nil }
        if first.lowercased() == "yealink" {
            tokens.removeFirst()
            if tokens.first == "SIP" { tokens.removeFirst() }
        } else if first.lowercased().hasPrefix("yealink-") {
            tokens[0] = String(first.dropFirst("yealink-".count))
        } else {
            return nil
        }
        guard let rawModel = tokens.first, let model = YealinkModel.canonical(rawModel) else { return nil }
        self.model = model
        self.version = tokens.dropFirst().first.flatMap { $0.allSatisfy { $0.isNumber || $0 == "." } ? $0 : nil }
        self.mac = tokens.count > 2 ? tokens.last.flatMap(MACText.lenient) : nil
    }
}
