import Testing

@testable import MediaCore

/// Payload type tables per direction: pass, renumber, transcode, drop.
@Suite struct RTPTranslationTests {
    static func packet(payloadType: UInt8, marker: Bool = false, payload: [UInt8], padding: Int = 0) -> [UInt8] {
        let first: UInt8 = padding > 0 ? 0xA0 : 0x80
        var bytes: [UInt8] = [first, (marker ? 0x80 : 0) | payloadType, 0, 1, 0, 0, 0, 160, 1, 2, 3, 4] + payload
        if padding > 0 { bytes += Array(repeating: 0, count: padding - 1) + [UInt8(padding)] }
        return bytes
    }

    static func apply(_ translation: RTPTranslation, to bytes: inout [UInt8]) throws -> RTPTranslation.Outcome {
        let header = try RTPHeader(parsing: bytes)
        return bytes.withUnsafeMutableBytes { translation.apply(to: $0, header: header) }
    }

    @Test func anEmptyTranslationPassesOnlyComfortNoise() {
        let translation = RTPTranslation()
        #expect(translation.rule(for: 13) == .init(payloadType: 13, operation: .pass))
        #expect(translation.rule(for: 0) == nil)
        #expect(translation.rule(for: 101) == nil)
        #expect(translation.rule(for: 200) == nil)
    }

    @Test func passThroughForwardsEverythingUnchanged() throws {
        for payloadType: UInt8 in [0, 8, 18, 101, 127] {
            #expect(
                RTPTranslation.passThrough.rule(for: payloadType) == .init(payloadType: payloadType, operation: .pass))
        }
        var bytes = Self.packet(payloadType: 18, payload: [1, 2, 3])
        let original = bytes
        #expect(try Self.apply(.passThrough, to: &bytes) == .forward)
        #expect(bytes == original)
    }

    @Test func telephoneEventIsRenumberedKeepingTheMarker() throws {
        var translation = RTPTranslation()
        translation.pass(101, as: 96)
        // RFC 4733 §2.3: event 1, end bit set, volume 10, duration 800.
        var bytes = Self.packet(payloadType: 101, marker: true, payload: [0x01, 0x8A, 0x03, 0x20])
        #expect(try Self.apply(translation, to: &bytes) == .forward)
        #expect(bytes[1] == 0x80 | 96)
        #expect(Array(bytes[12...]) == [0x01, 0x8A, 0x03, 0x20])
    }

    @Test func muLawBecomesALaw() throws {
        var translation = RTPTranslation()
        translation.transcode(0, to: 8, .muLawToALaw)
        var bytes = Self.packet(payloadType: 0, payload: [0xFF, 0x7F, 0x80, 0x00])
        #expect(try Self.apply(translation, to: &bytes) == .forward)
        #expect(bytes[1] == 8)
        #expect(Array(bytes[2..<12]) == [0, 1, 0, 0, 0, 160, 1, 2, 3, 4])  // the rest of the header untouched
        #expect(Array(bytes[12...]) == [0xD5, 0x55, 0xAA, 0x2A])
    }

    @Test func paddingIsNotTranscoded() throws {
        var translation = RTPTranslation()
        translation.transcode(8, to: 0, .aLawToMuLaw)
        var bytes = Self.packet(payloadType: 8, payload: [0xD5, 0xD5], padding: 4)
        #expect(try Self.apply(translation, to: &bytes) == .forward)
        #expect(Array(bytes[12...]) == [0xFE, 0xFE, 0, 0, 0, 4])
    }

    @Test func dropsUnknownAndDroppedTypes() throws {
        var translation = RTPTranslation()
        translation.pass(0)
        translation.drop(13)
        var comfortNoise = Self.packet(payloadType: 13, payload: [40])
        #expect(try Self.apply(translation, to: &comfortNoise) == .droppedByRule)
        var g729 = Self.packet(payloadType: 18, payload: [1, 2])
        let original = g729
        #expect(try Self.apply(translation, to: &g729) == .droppedUnknown)
        #expect(g729 == original)
        var pcmu = Self.packet(payloadType: 0, payload: [0xFF])
        #expect(try Self.apply(translation, to: &pcmu) == .forward)
    }

    @Test func payloadTypesAbove127AreIgnored() {
        var translation = RTPTranslation()
        translation.pass(200)
        translation.pass(0, as: 200)
        #expect(translation.rule(for: 200) == nil)
        #expect(translation.rule(for: 0) == .init(payloadType: 72, operation: .pass))  // 200 in 7 bits
    }
}
