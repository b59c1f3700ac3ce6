import Testing

@testable import MediaCore

/// RTP and RTCP on one port (RFC 5761 §4), other protocols told apart (RFC 7983).
@Suite struct MediaPacketKindTests {
    @Test func demultiplexesBySecondByte() {
        #expect(MediaPacketKind(classifying: [0x80, 0x00]) == .rtp)  // PCMU
        #expect(MediaPacketKind(classifying: [0x80, 0xE5]) == .rtp)  // M=1 PT=101
        #expect(MediaPacketKind(classifying: [0x80, 0xBF]) == .rtp)  // M=1 PT=63, just below
        #expect(MediaPacketKind(classifying: [0x80, 0xC8]) == .rtcp)  // SR
        #expect(MediaPacketKind(classifying: [0x81, 0xC9]) == .rtcp)  // RR, one report block
        #expect(MediaPacketKind(classifying: [0x80, 0xDF]) == .rtcp)  // 223, the top of the range
        #expect(MediaPacketKind(classifying: [0x80, 0xE0]) == .rtp)  // M=1 PT=96
    }

    @Test func otherProtocolsAndScraps() {
        #expect(MediaPacketKind(classifying: [0x00, 0x01, 0x00, 0x00]) == .other)  // STUN binding request
        #expect(MediaPacketKind(classifying: [0x16, 0xFE, 0xFD]) == .other)  // DTLS handshake
        #expect(MediaPacketKind(classifying: [0x40, 0x00]) == .other)  // TURN channel data
        #expect(MediaPacketKind(classifying: [0x80]) == .other)
        #expect(MediaPacketKind(classifying: []) == .other)
    }

    @Test func rtcpHeader() throws {
        let receiverReport: [UInt8] = [
            0x80, 0xC9, 0x00, 0x01,  // V=2 RC=0 PT=201 (RR) length=1 (8 bytes)
            0x12, 0x34, 0x56, 0x78,  // SSRC of sender
        ]
        let header = try #require(RTCPHeader(parsing: receiverReport))
        #expect(header.packetType == 201 && header.count == 0 && header.length == 8 && header.ssrc == 0x1234_5678)
        #expect(RTCPHeader(parsing: Array(receiverReport.prefix(7))) == nil)
        var tooLong = receiverReport
        tooLong[3] = 2  // says 12 bytes
        #expect(RTCPHeader(parsing: tooLong) == nil)
        var notRTCP = receiverReport
        notRTCP[1] = 0x00
        #expect(RTCPHeader(parsing: notRTCP) == nil)
        // A compound packet is longer than its first packet: valid.
        #expect(RTCPHeader(parsing: receiverReport + receiverReport)?.length == 8)
    }
}
