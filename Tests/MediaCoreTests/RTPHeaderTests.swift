import CastorCore
import Testing

@testable import MediaCore

/// RFC 3550 §5.1 headers, byte by byte.
@Suite struct RTPHeaderTests {
    /// A PCMU packet as a phone sends it every 20 ms: 12-byte header, 160 bytes of µ-law.
    static let pcmu: [UInt8] =
        [
            0x80,  // V=2 P=0 X=0 CC=0
            0x00,  // M=0 PT=0 (PCMU)
            0x12, 0x34,  // sequence number 4660
            0x00, 0x00, 0x0A, 0x00,  // timestamp 2560
            0xDE, 0xAD, 0xBE, 0xEF,  // SSRC
        ] + Array(repeating: 0xFF, count: 160)

    @Test func parsesTheFixedHeader() throws {
        let header = try RTPHeader(parsing: Self.pcmu)
        #expect(header.version == 2)
        #expect(!header.hasPadding && !header.hasExtension && !header.marker)
        #expect(header.csrcCount == 0)
        #expect(header.payloadType == 0)
        #expect(header.sequenceNumber == 4660)
        #expect(header.timestamp == 2560)
        #expect(header.ssrc == 0xDEAD_BEEF)
        #expect(header.payloadOffset == 12 && header.payloadLength == 160 && header.paddingLength == 0)
    }

    @Test func markerAndDynamicPayloadType() throws {
        var bytes = Self.pcmu
        bytes[1] = 0xE5  // M=1 PT=101 (telephone-event, RFC 4733)
        let header = try RTPHeader(parsing: bytes)
        #expect(header.marker && header.payloadType == 101)
    }

    @Test func skipsCSRCsExtensionAndPadding() throws {
        let bytes: [UInt8] = [
            0xB2,  // V=2 P=1 X=1 CC=2
            0x08,  // PT=8 (PCMA)
            0x00, 0x01, 0x00, 0x00, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x07,
            0x00, 0x00, 0x00, 0x01,  // CSRC 1
            0x00, 0x00, 0x00, 0x02,  // CSRC 2
            0xBE, 0xDE, 0x00, 0x01,  // extension: profile 0xBEDE (RFC 8285), 1 word
            0x10, 0xAA, 0x00, 0x00,  // the extension's word
            0xD5, 0xD5, 0xD5,  // payload: 3 bytes
            0x00, 0x00, 0x03,  // padding: 3 bytes, count included
        ]
        let header = try RTPHeader(parsing: bytes)
        #expect(header.hasPadding && header.hasExtension && header.csrcCount == 2)
        #expect(header.payloadOffset == 28)
        #expect(header.payloadLength == 3 && header.paddingLength == 3)
        #expect(header.payloadRange == 28..<31)
    }

    @Test func extensionWithNoWordsIsValid() throws {
        let bytes: [UInt8] = [0x90, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0x00, 0x00, 0xFF]
        let header = try RTPHeader(parsing: bytes)
        #expect(header.payloadOffset == 16 && header.payloadLength == 1)
    }

    @Test func rejectsWhatIsNotRTP() {
        #expect(throws: RTPParseError.tooShort(length: 11)) { try RTPHeader(parsing: Array(Self.pcmu.prefix(11))) }
        var version1 = Self.pcmu
        version1[0] = 0x40
        #expect(throws: RTPParseError.unsupportedVersion(1)) { try RTPHeader(parsing: version1) }
        let manyCSRCs: [UInt8] = [0x8F, 0x00] + Array(repeating: 0, count: 18)
        #expect(throws: RTPParseError.truncatedCSRCList(count: 15, length: 20)) { try RTPHeader(parsing: manyCSRCs) }
        let shortExtension: [UInt8] = [0x90, 0x00] + Array(repeating: 0, count: 12)
        #expect(throws: RTPParseError.truncatedExtension(length: 14)) { try RTPHeader(parsing: shortExtension) }
        let longExtension: [UInt8] =
            [0x90, 0x00] + Array(repeating: 0, count: 10) + [0xBE, 0xDE, 0x00, 0x02, 1, 2, 3, 4]
        #expect(throws: RTPParseError.truncatedExtension(length: 20)) { try RTPHeader(parsing: longExtension) }
        var zeroPadding = Self.pcmu
        zeroPadding[0] = 0xA0
        zeroPadding[zeroPadding.count - 1] = 0
        #expect(throws: RTPParseError.invalidPadding(count: 0)) { try RTPHeader(parsing: zeroPadding) }
        let hugePadding: [UInt8] = [0xA0, 0x00] + Array(repeating: 0, count: 10) + [1, 2, 200]
        #expect(throws: RTPParseError.invalidPadding(count: 200)) { try RTPHeader(parsing: hugePadding) }
    }

    @Test func paddingMayFillThePayload() throws {
        let bytes: [UInt8] = [0xA0, 0x0D] + Array(repeating: 0, count: 10) + [0, 0, 3]
        let header = try RTPHeader(parsing: bytes)
        #expect(header.payloadLength == 0 && header.paddingLength == 3)
    }

    @Test func everyPrefixParsesOrFailsCleanly() {
        for length in 0...Self.pcmu.count {
            let prefix = Array(Self.pcmu.prefix(length))
            let header = try? RTPHeader(parsing: prefix)
            #expect((header != nil) == (length >= 12))
            if let header { #expect(header.payloadOffset + header.payloadLength + header.paddingLength == length) }
        }
    }

    @Test func randomBytesNeverTrap() {
        var random = SeededRandom(seed: 0x3550)
        var parsed = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...64, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            if length > 0 { bytes[0] = bytes[0] & 0x3F | 0x80 }  // version 2, so the rest is exercised
            guard let header = try? RTPHeader(parsing: bytes) else { continue }
            parsed += 1
            #expect(header.payloadOffset >= 12)
            #expect(header.payloadOffset + header.payloadLength + header.paddingLength == length)
            #expect(header.payloadLength >= 0)
        }
        #expect(parsed > 1000)
    }

    @Test func rewritingThePayloadTypeKeepsTheMarker() {
        var bytes = Self.pcmu
        bytes[1] = 0xE5  // M=1 PT=101
        bytes.withUnsafeMutableBytes { RTPHeader.rewritePayloadType(96, in: $0) }
        #expect(bytes[1] == 0xE0)  // M=1 PT=96
        bytes.withUnsafeMutableBytes { RTPHeader.rewritePayloadType(200, in: $0) }  // 7 bits only
        #expect(bytes[1] == 0xC8)
    }
}
