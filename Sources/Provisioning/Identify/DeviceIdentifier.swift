import CastorCore

/// Identifies the device behind a request by asking every plugin (wazo-provd's extractor vote,
/// `devices/ident.py`) and merging what they say.
///
/// ```swift
/// let identifier = DeviceIdentifier(plugins: ProvisioningPlugins.standard)
/// let identity = identifier.identify(ProvisioningRequest(
///     httpTarget: "/000413AABB01.xml",
///     userAgent: "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12 000413AABB01)"))
/// identity.plugin   // "snom"
/// identity.model    // "D715"
/// identity.mac      // 00:04:13:aa:bb:01, from the file name
/// ```
public struct DeviceIdentifier: Sendable {
    public let plugins: [any ProvisioningPlugin]

    public init(plugins: [any ProvisioningPlugin]) {
        self.plugins = plugins
    }

    public func identify(_ request: ProvisioningRequest) -> RequestIdentity {
        // Stable: equal grades keep the plugins' order, so the first listed plugin wins a tie.
        let claims = plugins.compactMap { $0.identify(request) }
            .enumerated()
            .sorted {
                $0.element.support != $1.element.support
                    ? $0.element.support > $1.element.support : $0.offset < $1.offset
            }
            .map(\.element)
        let best = claims.first
        let queryMAC = request.query["mac"].flatMap(MACText.lenient)

        var observations: [(MACAddress, RequestIdentity.MACSource)] = []
        if let mac = best?.fileMAC { observations.append((mac, .fileName)) }
        if let mac = queryMAC { observations.append((mac, .query)) }
        if let mac = best?.userAgentMAC { observations.append((mac, .userAgent)) }

        let chosen = observations.first
        let conflicting = observations.first { chosen != nil && $0.0 != chosen?.0 }?.0
        return RequestIdentity(
            fileName: request.fileName, plugin: best?.plugin, vendor: best?.vendor, model: best?.model,
            firmwareVersion: best?.firmwareVersion, mac: chosen?.0, macSource: chosen?.1, conflictingMAC: conflicting,
            claims: claims)
    }
}
