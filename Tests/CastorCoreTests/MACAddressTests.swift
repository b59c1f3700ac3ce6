import Testing

@testable import CastorCore

@Suite struct MACAddressTests {
    @Test(arguments: ["00:04:13:AA:BB:01", "00-04-13-aa-bb-01", "000413AABB01", "0004.13aa.bb01", "00:04:13:aa:bb:01"])
    func everySpellingParsesToTheSameAddress(text: String) throws {
        let mac = try MACAddress(parsing: text)
        #expect(mac.description == "00:04:13:aa:bb:01")
        #expect(mac.compactUppercase == "000413AABB01")
        #expect(mac.compactLowercase == "000413aabb01")
    }

    @Test(arguments: [
        "", "00:04:13:aa:bb", "00:04:13:aa:bb:01:02", "00:04:13:aa:bb:0g", "00 04 13 aa bb 01", "é0:04:13:aa:bb:01",
    ])
    func badSpellingsAreRefused(text: String) {
        #expect(throws: MACAddress.ParseError.self) { try MACAddress(parsing: text) }
    }

    @Test func orderAndCodable() throws {
        let a = try MACAddress(parsing: "00:04:13:aa:bb:01")
        let b = try MACAddress(parsing: "00:04:13:aa:bb:02")
        #expect(a < b)
        #expect(throws: MACAddress.ParseError.self) { try MACAddress(octets: [1, 2, 3]) }
    }
}

@Suite struct SecretGeneratorTests {
    @Test func secretsUseTheUnambiguousAlphabetAndDiffer() {
        var rng = SeededRandom(seed: 42)
        let first = SecretGenerator.secret(length: 20, using: &rng)
        let second = SecretGenerator.secret(length: 20, using: &rng)
        #expect(first.count == 20)
        #expect(first != second)
        #expect(first.allSatisfy { SecretGenerator.alphabet.contains($0) })
        #expect(!first.contains { "0O1lI".contains($0) })
        let pin = SecretGenerator.pin(length: 6, using: &rng)
        #expect(pin.count == 6 && pin.allSatisfy(\.isNumber))
    }
}

@Suite struct MonotonicInstantTests {
    @Test func arithmetic() {
        let t = MonotonicInstant.seconds(1.5)
        #expect(t + .milliseconds(500) == .seconds(2))
        #expect((MonotonicInstant.seconds(3) - t).seconds == 1.5)
        #expect(Duration.seconds(Int64.max).nanosecondsClamped == .max)
    }
}
