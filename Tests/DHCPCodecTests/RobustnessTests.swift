import CastorCore
import Testing

@testable import DHCPCodec

/// Bytes from the wire never trap the parser: every prefix and random bytes give a message or an error.
@Suite struct RobustnessTests {
    static let fixtures = [
        Fixtures.dhclientDiscover, Fixtures.relayedRequest, Fixtures.snomDiscover, Fixtures.overloadedOffer,
        LongOptionTests.splitVendorOption,
    ]

    @Test(arguments: 0..<5)
    func everyTruncationParsesOrFailsCleanly(fixture: Int) {
        let bytes = Self.fixtures[fixture]
        for length in 0...bytes.count {
            do {
                let message = try DHCPMessage(parsing: bytes.prefix(length))
                #expect(length >= 240)
                Self.exercise(message)
            } catch {
                if length < 240 {
                    #expect(error.reason == .tooShort(length: length))
                } else {
                    // The only failure past the header is an option cut short, pointed at its code byte.
                    #expect(error.offset >= 240 && error.offset < length, "length \(length): \(error)")
                }
            }
        }
    }

    @Test func randomBytes() {
        var random = SeededRandom(seed: 0xD4C9)
        var parsed = 0
        for iteration in 0..<20_000 {
            let length = Int.random(in: 0...700, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            // Half the time, make the header valid so the option parser sees the random bytes.
            if iteration.isMultiple(of: 2) && length >= 243 {
                bytes[0] = UInt8.random(in: 1...2, using: &random)
                bytes[2] = UInt8.random(in: 0...16, using: &random)
                bytes.replaceSubrange(236..<240, with: Fixtures.cookie)
                if Bool.random(using: &random) { bytes.replaceSubrange(240..<243, with: [52, 1, 3]) }
            }
            if let message = try? DHCPMessage(parsing: bytes) {
                parsed += 1
                Self.exercise(message)
            }
        }
        #expect(parsed > 20)
    }

    @Test func mutatedFixtures() {
        var random = SeededRandom(seed: 82)
        var parsed = 0
        for _ in 0..<20_000 {
            var bytes = Self.fixtures[Int.random(in: 0..<Self.fixtures.count, using: &random)]
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                bytes[Int.random(in: 236..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            if let message = try? DHCPMessage(parsing: bytes) {
                parsed += 1
                Self.exercise(message)
            }
        }
        #expect(parsed > 1000)
    }

    /// Decodes every option, and checks parse(serialize(m)) == m whenever m can be serialized.
    static func exercise(_ message: DHCPMessage) {
        for option in message.options {
            switch option.decoded {
            case .success(let value): #expect(DHCPOption(value) == option || !isCanonical(value))
            case .failure(let error): _ = error.description
            }
        }
        guard let bytes = try? message.serialized(maximumMessageSize: .max) else { return }
        #expect((try? DHCPMessage(parsing: bytes)) == message)
    }

    /// Typed values whose encoding may differ from the bytes they were decoded from: text with trailing NULs,
    /// and domain names (label bytes re-split on dots).
    static func isCanonical(_ value: DHCPOptionValue) -> Bool {
        switch value {
        case .hostName, .domainName, .vendorClassIdentifier, .tftpServerName, .bootFileName, .sipServers: false
        default: true
        }
    }
}
