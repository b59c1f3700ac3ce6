import Testing

@testable import TFTPProtocol

/// Every ``TFTPParseError/Reason``, with the offset it points at.
@Suite struct ParseErrorTests {
    static func error(_ bytes: [UInt8]) -> TFTPParseError? {
        do {
            _ = try TFTPPacket(parsing: bytes)
            return nil
        } catch {
            return error
        }
    }

    static func request(_ text: String, opcode: UInt8 = 1) -> [UInt8] { [0, opcode] + Array(text.utf8) }

    @Test func tooShort() {
        #expect(Self.error([]) == TFTPParseError(.tooShort(length: 0, minimum: 2), at: 0))
        #expect(Self.error([0]) == TFTPParseError(.tooShort(length: 1, minimum: 2), at: 1))
        #expect(Self.error([0, 3, 0]) == TFTPParseError(.tooShort(length: 3, minimum: 4), at: 3))
        #expect(Self.error([0, 4]) == TFTPParseError(.tooShort(length: 2, minimum: 4), at: 2))
        #expect(Self.error([0, 5, 0]) == TFTPParseError(.tooShort(length: 3, minimum: 4), at: 3))
    }

    @Test func unknownOpcode() {
        #expect(Self.error([0, 0, 0, 0]) == TFTPParseError(.unknownOpcode(0), at: 0))
        #expect(Self.error([0, 7]) == TFTPParseError(.unknownOpcode(7), at: 0))
        #expect(Self.error([1, 1, 0, 0]) == TFTPParseError(.unknownOpcode(257), at: 0))
    }

    @Test func missingTerminators() {
        #expect(Self.error([0, 1]) == TFTPParseError(.missingTerminator(.filename), at: 2))
        #expect(Self.error(Self.request("file")) == TFTPParseError(.missingTerminator(.filename), at: 2))
        #expect(Self.error(Self.request("file\0")) == TFTPParseError(.missingTerminator(.mode), at: 7))
        #expect(Self.error(Self.request("file\0octet")) == TFTPParseError(.missingTerminator(.mode), at: 7))
        #expect(
            Self.error(Self.request("f\0octet\0blksize"))
                == TFTPParseError(.missingTerminator(.optionName), at: 10))
        #expect(
            Self.error(Self.request("f\0octet\0blksize\0512"))
                == TFTPParseError(.missingTerminator(.optionValue(name: "blksize")), at: 18))
        #expect(Self.error([0, 6, 0x61]) == TFTPParseError(.missingTerminator(.optionName), at: 2))
    }

    @Test func emptyFilename() {
        #expect(Self.error(Self.request("\0octet\0")) == TFTPParseError(.emptyFilename, at: 2))
        #expect(Self.error(Self.request("\0octet\0", opcode: 2)) == TFTPParseError(.emptyFilename, at: 2))
    }

    @Test func unknownMode() {
        #expect(Self.error(Self.request("f\0binary\0")) == TFTPParseError(.unknownMode("binary"), at: 4))
        #expect(Self.error(Self.request("f\0\0")) == TFTPParseError(.unknownMode(""), at: 4))
    }

    @Test func oddOptionCount() {
        // "blksize" NUL and then nothing: a name without its value.
        #expect(
            Self.error(Self.request("f\0octet\0blksize\0"))
                == TFTPParseError(.optionWithoutValue(name: "blksize"), at: 10))
        #expect(
            Self.error([0, 6] + Array("tsize\0".utf8)) == TFTPParseError(.optionWithoutValue(name: "tsize"), at: 2))
    }

    @Test func emptyOptionName() {
        // An empty name followed by more than padding.
        #expect(Self.error(Self.request("f\0octet\0\0512\0")) == TFTPParseError(.emptyOptionName, at: 10))
    }

    @Test func invalidUTF8() {
        #expect(Self.error([0, 1, 0xff, 0] + Array("octet\0".utf8)) == TFTPParseError(.invalidUTF8(.filename), at: 2))
        #expect(Self.error([0, 1, 0x66, 0, 0xc3, 0]) == TFTPParseError(.invalidUTF8(.mode), at: 4))
        #expect(
            Self.error(Self.request("f\0octet\0") + [0x80, 0, 0x31, 0])
                == TFTPParseError(.invalidUTF8(.optionName), at: 10))
        #expect(
            Self.error(Self.request("f\0octet\0a\0") + [0xfe, 0])
                == TFTPParseError(.invalidUTF8(.optionValue(name: "a")), at: 12))
    }

    @Test func descriptionsSayWhatAndWhere() {
        #expect(
            TFTPParseError(.missingTerminator(.mode), at: 11).description
                == "TFTP packet: mode at byte 11 has no terminating NUL")
        #expect(
            TFTPParseError(.unknownMode("binary"), at: 4).description
                == "TFTP packet: mode \"binary\" at byte 4 is not netascii, octet or mail")
        let reasons: [TFTPParseError.Reason] = [
            .tooShort(length: 1, minimum: 2), .unknownOpcode(9), .missingTerminator(.optionValue(name: "x")),
            .invalidUTF8(.optionName), .emptyFilename, .unknownMode("m"), .emptyOptionName,
            .optionWithoutValue(name: "x"),
        ]
        for reason in reasons {
            #expect(TFTPParseError(reason, at: 0).description.hasPrefix("TFTP packet: "))
            #expect(!reason.summary.isEmpty)
        }
    }
}
