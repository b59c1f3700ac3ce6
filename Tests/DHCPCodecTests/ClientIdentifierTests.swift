import CastorCore
import Testing

@testable import DHCPCodec

@Suite struct ClientIdentifierTests {
    @Test func printsAsKeaDoes() throws {
        let id = ClientIdentifier(hardwareAddress: try MACAddress(parsing: "00:04:13:AA:BB:CC"))
        #expect(id.description == "01:00:04:13:aa:bb:cc")
        #expect(id.bytes == [1, 0, 4, 0x13, 0xaa, 0xbb, 0xcc])
        #expect(id.hardwareAddress?.description == "00:04:13:aa:bb:cc")
    }

    @Test(arguments: [
        "01:00:04:13:aa:bb:cc", "01 00 04 13 AA BB CC", "01000413aabbcc", "0x01000413aabbcc", "1:0:4:13:aa:bb:cc",
    ])
    func parsesKeaSpellings(text: String) {
        #expect(ClientIdentifier(hex: text) == ClientIdentifier(type: 1, identifier: [0, 4, 0x13, 0xaa, 0xbb, 0xcc]))
    }

    @Test(arguments: ["", "01", "zz:00", "01-00"])
    func rejects(text: String) {
        #expect(ClientIdentifier(hex: text) == nil)
    }

    @Test func duidIdentifierHasNoMAC() {
        let id = ClientIdentifier(type: 255, identifier: [0, 0, 0, 1, 0, 3, 0, 1])
        #expect(id.hardwareAddress == nil)
    }
}
