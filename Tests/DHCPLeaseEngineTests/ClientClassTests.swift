import DHCPCodec
import DHCPLeaseEngine
import DHCPLeases
import Testing

@Suite("Client classes")
struct ClientClassTests {
    static let config = #"""
        {"Dhcp4": {
          "interfaces-config": {"interfaces": ["eth0"]},
          "lease-database": {"type": "memfile", "persist": false},
          "option-data": [{"name": "ntp-servers", "data": "10.20.0.2"}],
          "client-classes": [
            {"name": "snom", "test": "substring(option[60].hex,0,4) == 'snom'",
             "option-data": [{"name": "tftp-server-name", "data": "http://10.20.0.1/prov/"},
                             {"name": "ntp-servers", "data": "10.20.0.7"}],
             "boot-file-name": "snom.cfg"},
            {"name": "snom-known", "test": "member('snom') and member('KNOWN')",
             "option-data": [{"name": "boot-file-name", "data": "known.xml", "always-send": true}]}
          ],
          "subnet4": [
            {"id": 1, "subnet": "10.20.0.0/24",
             "pools": [
               {"pool": "10.20.0.10 - 10.20.0.19", "client-class": "snom",
                "option-data": [{"name": "ntp-servers", "data": "10.20.0.8"}]},
               {"pool": "10.20.0.100 - 10.20.0.110"}
             ],
             "reservations": [{"hw-address": "00:04:13:11:22:99", "hostname": "desk"}]}
          ]
        }}
        """#

    @Test("a Snom phone (option 60 snom715) gets the class-restricted pool and the class's options")
    func snomPool() throws {
        var fixture = try EngineFixture(config: Self.config)
        let asks: [DHCPOptionValue] = [.vendorClassIdentifier("snom715"), .parameterRequestList([42, 66, 67])]
        let (_, ack) = try fixture.dora(mac: 0x10, options: asks)
        #expect(ack.yiaddr == IPv4Address(10, 20, 0, 10))
        #expect(ack.tftpServerName == "http://10.20.0.1/prov/")
        #expect(ack.ntpServers == [IPv4Address(10, 20, 0, 8)])  // pool > class > global
        #expect(ack.file == Array("snom.cfg".utf8))
        #expect(ack.bootFileName == nil)  // snom-known needs KNOWN

        let (_, other) = try fixture.dora(mac: 0x11, options: [.parameterRequestList([42, 66])])
        #expect(other.yiaddr == IPv4Address(10, 20, 0, 100))
        #expect(other.tftpServerName == nil)
        #expect(other.ntpServers == [IPv4Address(10, 20, 0, 2)])
    }

    @Test("a class testing KNOWN is evaluated after the reservation lookup")
    func knownClass() throws {
        var fixture = try EngineFixture(config: Self.config)
        let (_, ack) = try fixture.dora(mac: 0x99, options: [.vendorClassIdentifier("snom715")])
        #expect(ack.hostName == "desk")
        #expect(ack.bootFileName == "known.xml")
    }
}
