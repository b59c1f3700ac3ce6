import Testing

@testable import KeaConfig

/// Option data to wire bytes, for the VoIP options of notes/kea-dhcp.md §2, each payload annotated.
@Suite("Kea option encoding")
struct KeaOptionEncodingTests {
    static let defs = #"""
        "option-def": [
          {"name": "tftp-server-address", "code": 150, "type": "ipv4-address", "array": true},
          {"name": "sip-server", "code": 120, "type": "record", "record-types": "uint8, ipv4-address", "array": true},
          {"name": "sip-server-name", "code": 121, "type": "record", "record-types": "uint8, fqdn"},
          {"name": "flag", "code": 200, "type": "boolean"},
          {"name": "small", "code": 201, "type": "uint8"},
          {"name": "tftp", "code": 1, "space": "vendor-encapsulated-options-space", "type": "string"}
        ],
        """#

    static func options(_ data: String) throws -> [KeaOptionData] {
        try Kea.dhcp4(defs + #""option-data": ["# + data + "]").options
    }

    @Test func option66IsTheURLsBytes() throws {
        let options = try Self.options(#"{"name": "tftp-server-name", "data": "http://10.20.0.1:8667/"}"#)
        #expect(Kea.payload(options, 66) == Array("http://10.20.0.1:8667/".utf8))
        #expect(options.first?.alwaysSend == false && options.first?.csvFormat == true)
    }

    @Test func option150IsAnAddressArrayViaOptionDef() throws {
        let options = try Self.options(
            #"{"name": "tftp-server-address", "data": "10.0.0.5, 10.0.0.6", "always-send": true}"#)
        // 0a 00 00 05 | 0a 00 00 06
        #expect(Kea.payload(options, 150) == [10, 0, 0, 5, 10, 0, 0, 6])
        #expect(options.first?.alwaysSend == true)
        #expect(options.first?.name == "tftp-server-address")
    }

    @Test func option42ByCodeAndName() throws {
        let options = try Self.options(
            #"{"name": "ntp-servers", "data": "10.0.0.1, 10.0.0.2"}, {"code": 42, "data": " 10.0.0.3 "}"#)
        #expect(options.map(\.data) == [[10, 0, 0, 1, 10, 0, 0, 2], [10, 0, 0, 3]])
    }

    @Test func option2IsASignedBigEndianInteger() throws {
        // -18000 = 0xFFFFB9B0
        let options = try Self.options(#"{"name": "time-offset", "data": "-18000"}"#)
        #expect(Kea.payload(options, 2) == [0xFF, 0xFF, 0xB9, 0xB0])
    }

    @Test func option120RecordsRepeatTheirLastField() throws {
        // RFC 3361: enc 1 (addresses) | 10.0.0.5 | 10.0.0.6
        let options = try Self.options(#"{"name": "sip-server", "data": "1, 10.0.0.5, 10.0.0.6"}"#)
        #expect(Kea.payload(options, 120) == [1, 10, 0, 0, 5, 10, 0, 0, 6])
        // enc 0 (names) | 3 "sip" 7 "example" 3 "com" 0
        let names = try Self.options(#"{"name": "sip-server-name", "data": "0, sip.example.com."}"#)
        #expect(
            Kea.payload(names, 121) == [0, 3] + Array("sip".utf8) + [7] + Array("example".utf8) + [3]
                + Array("com".utf8) + [0])
    }

    @Test func option43FromHexOrFromSubOptions() throws {
        let hex = try Self.options(
            #"{"name": "vendor-encapsulated-options", "data": "01:04:c0:a8:00:01", "csv-format": false}"#)
        #expect(Kea.payload(hex, 43) == [1, 4, 0xC0, 0xA8, 0, 1])
        // sub-option 1 "a/b" in vendor-encapsulated-options-space, encapsulated: 01 03 'a' '/' 'b'
        let sub = try Self.options(
            #"{"name": "vendor-encapsulated-options"}, "#
                + #"{"name": "tftp", "space": "vendor-encapsulated-options-space", "data": "a/b"}"#)
        #expect(Kea.payload(sub, 43) == [1, 3] + Array("a/b".utf8))
    }

    @Test(arguments: [
        ("0104c0a8", [UInt8]([1, 4, 0xC0, 0xA8])),
        ("01:04:c0:a8", [1, 4, 0xC0, 0xA8]),
        ("1:4:c0:a8", [1, 4, 0xC0, 0xA8]),
        ("01 04 c0 a8", [1, 4, 0xC0, 0xA8]),
        ("0x0104C0A8", [1, 4, 0xC0, 0xA8]),
        ("104c0a8", [1, 4, 0xC0, 0xA8]),
    ])
    func hexForms(text: String, bytes: [UInt8]) throws {
        let options = try Self.options(#"{"code": 254, "data": ""# + text + #"", "csv-format": false}"#)
        #expect(Kea.payload(options, 254) == bytes)
    }

    @Test(arguments: ["0x01:04", "01:04 c0", "zz", "01::04"])
    func mixedHexFormsAreRefused(text: String) {
        #expect(throws: KeaConfigError.self) {
            try Self.options(#"{"code": 254, "data": ""# + text + #"", "csv-format": false}"#)
        }
    }

    @Test func scalarsFollowKeasRules() throws {
        #expect(Kea.payload(try Self.options(#"{"name": "flag", "data": "True"}"#), 200) == [1])
        #expect(Kea.payload(try Self.options(#"{"name": "flag", "data": "0"}"#), 200) == [0])
        #expect(Kea.payload(try Self.options(#"{"name": "small", "data": "0x10"}"#), 201) == [16])
        #expect(throws: KeaConfigError.self) { try Self.options(#"{"name": "flag", "data": "yes"}"#) }
        #expect(throws: KeaConfigError.self) { try Self.options(#"{"name": "small", "data": "300"}"#) }
    }

    @Test func escapedCommasStayInStrings() throws {
        // In the file: "a\\,b" — JSON gives a\,b, Kea's tokenizer gives "a,b".
        let options = try Self.options(#"{"name": "boot-file-name", "data": "EST5EDT4\\,M3.2.0"}"#)
        #expect(Kea.payload(options, 67) == Array("EST5EDT4,M3.2.0".utf8))
    }

    @Test func anUnescapedCommaInAStringIsWarnedAbout() throws {
        let config = try Kea.dhcp4(#""option-data": [{"name": "tftp-server-name", "data": "a,b"}]"#)
        #expect(Kea.payload(config.options, 66) == Array("a".utf8))
        #expect(config.warnings.map(\.line) == [1])
        #expect(config.warnings.first?.message.hasPrefix("only the first value of option 'tftp-server-name'") == true)
    }

    @Test func standardTableHasTheCommonOptions() {
        let expected: [(String, UInt8, KeaOptionType)] = [
            ("subnet-mask", 1, .ipv4Address), ("time-offset", 2, .int32), ("routers", 3, .ipv4Address),
            ("domain-name-servers", 6, .ipv4Address), ("host-name", 12, .string), ("domain-name", 15, .string),
            ("broadcast-address", 28, .ipv4Address), ("ntp-servers", 42, .ipv4Address),
            ("vendor-encapsulated-options", 43, .empty), ("dhcp-lease-time", 51, .uint32),
            ("dhcp-server-identifier", 54, .ipv4Address), ("dhcp-parameter-request-list", 55, .uint8),
            ("dhcp-renewal-time", 58, .uint32), ("dhcp-rebinding-time", 59, .uint32),
            ("vendor-class-identifier", 60, .string), ("dhcp-client-identifier", 61, .binary),
            ("tftp-server-name", 66, .string), ("boot-file-name", 67, .string), ("dhcp-agent-options", 82, .empty),
        ]
        for (name, code, type) in expected {
            let definition = KeaStandardOptionDefinitions.byCode[code]
            #expect(definition?.name == name && definition?.type == type, "\(code)")
            #expect(KeaStandardOptionDefinitions.byName[name]?.code == code)
        }
        #expect(KeaStandardOptionDefinitions.byCode[150] == nil)
        #expect(KeaStandardOptionDefinitions.byCode[120] == nil)
    }
}
