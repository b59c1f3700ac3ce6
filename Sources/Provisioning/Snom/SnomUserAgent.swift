import CastorCore

/// What a Snom User-Agent says: `snom<model>-SIP <version> [<hardware> …] [<MAC>]`.
struct SnomUserAgent: Equatable {
    var model: String
    var version: String
    var mac: MACAddress?

    init?(parsing userAgent: String) {
        guard let start = userAgent.firstRange(of: "snom") else { return nil }
        let rest = userAgent[start.upperBound...]
        let rawModel = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        let afterModel = rest.dropFirst(rawModel.count)
        guard afterModel.hasPrefix("-SIP "), let model = SnomModel.canonical(String(rawModel)) else { return nil }
        let tail = afterModel.dropFirst("-SIP ".count).prefix { $0 != ")" }
        let tokens = tail.split(separator: " ")
        guard let version = tokens.first, version.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        self.model = model
        self.version = String(version)
        self.mac = tokens.dropFirst().lazy.compactMap { MACText.compact($0.trimming(";,")) }.last
    }
}
