import Testing

@testable import DHCPCodec

/// RFC 2132 §9.3: options that do not fit the maximum message size move into `file`, then `sname`.
@Suite struct OverloadSerializationTests {
    static func largeReply() -> DHCPMessage {
        var reply = DHCPMessage(op: .reply, xid: 42, yiaddr: IPv4Address(10, 0, 0, 99), chaddr: [0, 4, 0x13, 1, 2, 3])
        reply.setOption(.messageType(.ack))
        reply.setOption(.vendorEncapsulatedOptions(Array(repeating: 0x43, count: 200)))
        reply.setOption(.tftpServerName(String(repeating: "t", count: 90)))
        reply.setOption(.bootFileName(String(repeating: "b", count: 100)))
        reply.setOption(.domainName(String(repeating: "d", count: 40)))
        return reply
    }

    @Test func overflowGoesToFileThenSname() throws {
        let reply = Self.largeReply()
        let bytes = try reply.serialized()
        #expect(bytes.count <= 548)
        #expect(Array(bytes[240..<243]) == [52, 1, 3])  // overload: file and sname
        #expect(bytes[108] == 67)  // file starts with option 67
        #expect(bytes[44] == 15)  // sname starts with option 15
        #expect(try DHCPMessage(parsing: bytes) == reply)
    }

    @Test func largerMaximumNeedsNoOverload() throws {
        let reply = Self.largeReply()
        let bytes = try reply.serialized(maximumMessageSize: 1500)
        #expect(bytes[240] == 53)
        #expect(try DHCPMessage(parsing: bytes) == reply)
    }

    @Test func usedFieldsAreNotOverloaded() throws {
        var reply = Self.largeReply()
        reply.file = Array("boot.img".utf8)
        reply.removeOption(DHCPOptionCode.domainName)
        reply.setOption(.bootFileName(String(repeating: "b", count: 50)))
        let bytes = try reply.serialized()
        #expect(Array(bytes[240..<243]) == [52, 1, 2])  // sname only
        #expect(try DHCPMessage(parsing: bytes) == reply)
    }

    @Test func tooManyOptionsThrow() {
        var reply = Self.largeReply()
        reply.setOption(DHCPOption(code: 224, value: Array(repeating: 0, count: 250)))
        #expect(throws: DHCPSerializationError.self) { try reply.serialized() }
    }

    @Test func explicitOverloadOptionDisablesAutomaticOverload() {
        var reply = Self.largeReply()
        reply.setOption(.overload(.file))
        #expect(throws: DHCPSerializationError.optionsDoNotFit(needed: 445, available: 308)) { try reply.serialized() }
    }
}
