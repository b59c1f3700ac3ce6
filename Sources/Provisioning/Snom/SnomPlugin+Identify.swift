import CastorCore

extension SnomPlugin {
    /// Reads the User-Agent (`Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12-00004-g9ba52f5
    /// 000413AABB01 SXM:0 UXM:0)`; firmware before 8.7.5 omits the MAC) and the file name.
    public func identify(_ request: ProvisioningRequest) -> DeviceClaim? {
        let agent = request.userAgent.flatMap(SnomUserAgent.init(parsing:))
        let file = file(named: request.fileName)
        let support: DeviceSupport
        if let agent {
            support = SnomModel.known.contains(agent.model) ? .complete : .probable
        } else if let file {
            let fromSnom = file.mac.map { mac in SnomModel.ouis.contains { mac.octets.starts(with: $0) } } ?? true
            support = fromSnom ? .probable : .improbable
        } else {
            return nil
        }
        return DeviceClaim(
            plugin: name, vendor: vendor, model: agent?.model ?? file?.model, firmwareVersion: agent?.version,
            fileMAC: file?.mac, userAgentMAC: agent?.mac, support: support)
    }
}
