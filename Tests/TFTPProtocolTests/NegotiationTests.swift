import Testing

@testable import TFTPProtocol

@Suite struct NegotiationTests {
    static func negotiate(
        _ options: [(String, String)], limits: TFTPServerLimits = TFTPServerLimits(), size: Int? = 1000
    ) -> TFTPNegotiatedOptions {
        TFTPNegotiatedOptions(
            negotiating: options.map { TFTPOption(name: $0.0, value: $0.1) }, limits: limits, transferSize: size)
    }

    static func oack(_ options: [(String, String)]) -> [TFTPOption] {
        options.map { TFTPOption(name: $0.0, value: $0.1) }
    }

    @Test func noOptionsMeansNoOptionAcknowledgement() {
        #expect(Self.negotiate([]) == .defaults)
        #expect(Self.negotiate([("rollover", "0"), ("utimeout", "500")]) == .defaults)
    }

    @Test func onlyRequestedOptionsInTheClientsOrderAndSpelling() {
        // tsize is answered only because it was asked for (PyPXE#125); "multicast" is unknown and ignored.
        let negotiated = Self.negotiate([("TSIZE", "0"), ("multicast", ""), ("blksize", "1024")], size: 4242)
        #expect(negotiated.acknowledged == Self.oack([("TSIZE", "4242"), ("blksize", "1024")]))
        #expect(negotiated.blockSize == 1024)
        #expect(negotiated.transferSize == 4242)
        #expect(Self.negotiate([("blksize", "1024")], size: 4242).acknowledged == Self.oack([("blksize", "1024")]))
    }

    @Test func blockSize() {
        // Larger than the server's cap: lowered (RFC 2348 §2).
        #expect(Self.negotiate([("blksize", "65464")]).acknowledged == Self.oack([("blksize", "1468")]))
        #expect(Self.negotiate([("blksize", "99999999999999999999999")]).blockSize == 1468)
        let generous = TFTPServerLimits(maximumBlockSize: 100_000)
        #expect(Self.negotiate([("blksize", "70000")], limits: generous).blockSize == 65464)
        // Within range: granted as asked.
        #expect(Self.negotiate([("blksize", "8")]).blockSize == 8)
        #expect(Self.negotiate([("blksize", "1428")]).acknowledged == Self.oack([("blksize", "1428")]))
        // Below 8, non-numeric, signed or empty: ignored, so 512 and no OACK.
        for value in ["7", "0", "abc", "-1024", "+1024", " 1024", ""] {
            #expect(Self.negotiate([("blksize", value)]) == .defaults, "blksize \(value)")
        }
        // A server cap below 8 is treated as 8.
        #expect(Self.negotiate([("blksize", "512")], limits: TFTPServerLimits(maximumBlockSize: 2)).blockSize == 8)
    }

    @Test func timeout() {
        let negotiated = Self.negotiate([("timeout", "3")])
        #expect(negotiated.timeoutSeconds == 3)
        #expect(negotiated.acknowledged == Self.oack([("timeout", "3")]))
        #expect(Self.negotiate([("timeout", "255")]).timeoutSeconds == 255)
        for value in ["0", "256", "1.5", "x"] {
            #expect(Self.negotiate([("timeout", value)]) == .defaults, "timeout \(value)")
        }
    }

    @Test func transferSize() {
        #expect(Self.negotiate([("tsize", "0")], size: 33_535_152).acknowledged == Self.oack([("tsize", "33535152")]))
        #expect(Self.negotiate([("tsize", "0")], size: 0).acknowledged == Self.oack([("tsize", "0")]))
        // Unknown size: omitted.
        #expect(Self.negotiate([("tsize", "0")], size: nil) == .defaults)
        #expect(Self.negotiate([("tsize", "zero")]) == .defaults)
    }

    @Test func windowSize() {
        #expect(Self.negotiate([("windowsize", "8")]).windowSize == 8)
        #expect(Self.negotiate([("windowsize", "64")]).acknowledged == Self.oack([("windowsize", "16")]))
        #expect(
            Self.negotiate([("windowsize", "65535")], limits: TFTPServerLimits(maximumWindowSize: 1 << 20)).windowSize
                == 65535)
        #expect(Self.negotiate([("windowsize", "0")]) == .defaults)
        // A server that grants only lock-step still answers 1 to a client that asked.
        #expect(
            Self.negotiate([("windowsize", "16")], limits: TFTPServerLimits(maximumWindowSize: 1)).acknowledged
                == Self.oack([("windowsize", "1")]))
    }

    @Test func everythingTogether() {
        let negotiated = Self.negotiate(
            [("blksize", "1432"), ("timeout", "2"), ("tsize", "0"), ("windowsize", "4")], size: 10)
        #expect(negotiated.blockSize == 1432)
        #expect(negotiated.timeoutSeconds == 2)
        #expect(negotiated.transferSize == 10)
        #expect(negotiated.windowSize == 4)
        #expect(
            negotiated.acknowledged.map(\.description) == ["blksize=1432", "timeout=2", "tsize=10", "windowsize=4"])
    }

    @Test func firstOfRepeatedOptionsCounts() {
        let negotiated = Self.negotiate([("blksize", "1024"), ("BLKSIZE", "8")])
        #expect(negotiated.blockSize == 1024)
        #expect(negotiated.acknowledged == Self.oack([("blksize", "1024")]))
        // Even when the first is unacceptable.
        #expect(Self.negotiate([("blksize", "4"), ("blksize", "1024")]) == .defaults)
    }

    @Test func refusedOptionsAreIgnored() {
        let limits = TFTPServerLimits(refusedOptions: ["TSize"])
        let negotiated = Self.negotiate([("tsize", "0"), ("blksize", "1024")], limits: limits)
        #expect(negotiated.acknowledged == Self.oack([("blksize", "1024")]))
        #expect(negotiated.transferSize == nil)
    }
}
