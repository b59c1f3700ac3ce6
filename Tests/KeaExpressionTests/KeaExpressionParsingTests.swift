import KeaExpression
import Testing

/// What parses and what is refused, with Kea 2.2's wording and the character offset of the problem.
@Suite("Kea expressions: parsing")
struct KeaExpressionParsingTests {
    static let valid = [
        "substring(option[60].hex,0,4) == 'snom'", "option[60].text == 'snom715'", "option[60].exists",
        "pkt4.mac == 0x000413aabbcc", "relay4[1].hex == 'eth0/1'", "member('a') and not member('b')",
        "option[host-name].text == 'x'", "option[ dhcp-client-identifier ].hex == 0x01",
        "option[43].option[1].exists", "pkt4.giaddr == 10.0.0.1", "pkt4.hlen == 6",
        "substring(option[61].hex, -3, all) == 0x0102", "concat('a', 'b') == 'ab' or 'a' + 'b' == 'ab'",
        "ifelse(member('a'), 'x', 'y') == 'x'", "hexstring(pkt4.mac, ':') == '00:04:13:aa:bb:cc'",
        "split(option[60].text, ',', 1) == 'snom'", "vendor[*].exists", "vendor-class[4491].data[0] == 'x'",
        "addrtotext(pkt4.ciaddr) == '0.0.0.0'", "uint16totext(0x0102) == '258'",
        "(option[60].hex) == 'x'", "((member('a')))", "option[60].exists\n  and\toption[61].exists",
    ]

    @Test(arguments: valid)
    func parses(_ text: String) throws {
        let expression = try KeaExpression(parsing: text)
        #expect(expression.text == text)
    }

    static let invalid: [(text: String, offset: Int, message: String)] = [
        // The test must be boolean (notes/kea-dhcp.md §1).
        ("option[60].hex", 14, "syntax error, unexpected end of file, expecting == or +"),
        ("'a' + 'b'", 9, "syntax error, unexpected end of file, expecting == or +"),
        ("option[60].hex and member('a')", 15, "syntax error, unexpected and, expecting == or +"),
        ("member('a') and option[60].text", 31, "syntax error, unexpected end of file, expecting == or +"),
        ("", 0, "syntax error, unexpected end of file"),
        ("option[60].hex ==", 17, "syntax error, unexpected end of file, expecting a string expression"),
        ("option[60].foo == 'x'", 11, #"syntax error, unexpected "foo", expecting option or text or hex or exists"#),
        ("option[60].exists == 'x'", 18, "syntax error, unexpected ==, expecting end of file"),
        ("option[60.hex", 9, "syntax error, unexpected ., expecting ]"),
        ("option[256].exists", 7, "Option code has invalid value in 256. Allowed range: 0..255"),
        ("option[no-such-option].exists", 7, "option 'no-such-option' is not defined"),
        ("relay4[host-name].exists", 7, "syntax error, unexpected option name, expecting integer"),
        ("substring(option[60].hex, 0) == 'x'", 27, "syntax error, unexpected ), expecting ,"),
        ("substring(option[60].hex, 0, x) == 'x'", 29, #"syntax error, unexpected "x", expecting integer or all"#),
        (
            "concat(option[60].exists, 'x') == 'x'", 18,
            "syntax error, unexpected exists, expecting option or text or hex"
        ),
        ("concat(relay4[1].exists, 'x') == 'x'", 17, "syntax error, unexpected exists, expecting text or hex"),
        ("concat(member('a'), 'x') == 'x'", 7, "syntax error, unexpected member, expecting a string expression"),
        ("member(a)", 7, #"syntax error, unexpected "a", expecting constant string"#),
        ("(member('a') == 'x')", 13, "syntax error, unexpected ==, expecting ) or and or or"),
        ("(option[60].hex and member('a'))", 16, "syntax error, unexpected and, expecting ) or == or +"),
        ("ifelse(option[60].hex, 'a', 'b') == 'a'", 21, "syntax error, unexpected ,, expecting == or +"),
        ("option[60].hex == \"snom\"", 18, "Invalid character: \""),
        ("option[60].hex == 'snom", 18, "Invalid character: ' (the string is not closed)"),
        ("pkt4.mac == 2001:db8::1", 16, "Invalid character: : (IPv6 addresses are not supported by castor)"),
        ("pkt4.giaddr == 10.0.0.256", 15, "Failed to convert 10.0.0.256 to an IP address."),
        ("pkt4.mac == -1", 12, "Invalid value in -1. Allowed range: 0..4294967295"),
        ("pkt4.foo == 'x'", 5, #"syntax error, unexpected "foo""#),
        ("pkt.iface == 'eth0'", 0, "pkt.iface is not supported by castor (the classifier sees the DHCP message only)"),
        ("relay6[0].peeraddr == ::1", 0, "relay6 can only be used in DHCPv6."),
        // A lexer error counts only where the parser gets to it.
        ("'a' == 'b' ==  \"x\"", 11, "syntax error, unexpected ==, expecting end of file"),
        ("member('a') and 'x' == \"x\"", 23, "Invalid character: \""),
        ("true", 0, #"syntax error, unexpected "true""#),
        ("member('a') member('b')", 12, "syntax error, unexpected member, expecting end of file"),
    ]

    @Test(arguments: invalid)
    func refuses(_ text: String, offset: Int, message: String) {
        let error = KeaExpression.failure(text)
        #expect(error == KeaExpressionError(offset: offset, message: message))
    }

    @Test func configLookupsResolveNamesAndClasses() throws {
        let codes = ["tftp-server-address": UInt8(150)]
        let parsed = try KeaExpression(
            parsing: "option[tftp-server-address].exists and member('phones')",
            optionCode: { codes[$0] }, isDefinedClass: { $0 == "phones" })
        #expect(parsed.referencedClasses == ["phones"])
        #expect(throws: KeaExpressionError(offset: 27, message: "Not defined client class 'pcs'")) {
            try KeaExpression(
                parsing: "member('phones') or member('pcs')", optionCode: { _ in nil },
                isDefinedClass: { $0 == "phones" })
        }
    }

    @Test func referencedClassesAreListedOnce() throws {
        let parsed = try KeaExpression(parsing: "member('a') or (member('b') and not member('a'))")
        #expect(parsed.referencedClasses == ["a", "b"])
        #expect(try KeaExpression(parsing: "option[60].exists").referencedClasses.isEmpty)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "(", count: 10_000) + "member('a')" + String(repeating: ")", count: 10_000)
        #expect(KeaExpression.failure(text)?.message.contains("nested") == true)
        let nots = String(repeating: "not ", count: 10_000) + "member('a')"
        #expect(KeaExpression.failure(nots)?.message.contains("nested") == true)
    }
}
