import DHCPCodec
import KeaExpression
import Testing

/// Evaluation against DHCPv4 messages, with Kea 2.2's value rules (`src/lib/eval/token.cc`).
@Suite("Kea expressions: evaluation")
struct KeaExpressionEvaluationTests {
    // The phone tests of notes/kea-dhcp.md §1.
    @Test func snomPrefixOfOption60() throws {
        #expect(try KeaExpression.test("substring(option[60].hex,0,4) == 'snom'", on: Packet.snom))
        #expect(try !KeaExpression.test("substring(option[60].hex,0,4) == 'snom'", on: Packet.laptop))
    }

    @Test func option60Text() throws {
        #expect(try KeaExpression.test("option[60].text == 'snom715'", on: Packet.snom))
        #expect(try !KeaExpression.test("option[60].text == 'snom710'", on: Packet.snom))
        #expect(try KeaExpression.test("option[vendor-class-identifier].text == 'snom715'", on: Packet.snom))
    }

    @Test func optionExists() throws {
        #expect(try KeaExpression.test("option[60].exists", on: Packet.snom))
        #expect(try !KeaExpression.test("option[60].exists", on: Packet.laptop))
        #expect(try KeaExpression.test("not option[vendor-class-identifier].exists", on: Packet.laptop))
    }

    @Test func macAddressComparesBytes() throws {
        #expect(try KeaExpression.test("pkt4.mac == 0x000413aabbcc", on: Packet.snom))
        #expect(try KeaExpression.test("pkt4.mac == 0X000413AABBCC", on: Packet.snom))
        #expect(try !KeaExpression.test("pkt4.mac == 0x000413aabbcd", on: Packet.snom))
        #expect(try KeaExpression.test("substring(pkt4.mac,0,3) == 0x000413", on: Packet.snom))
        // The text form of a MAC is not its bytes.
        #expect(try !KeaExpression.test("pkt4.mac == '00:04:13:aa:bb:cc'", on: Packet.snom))
        #expect(try KeaExpression.test("hexstring(pkt4.mac, ':') == '00:04:13:aa:bb:cc'", on: Packet.snom))
    }

    @Test func relayAgentSubOptions() throws {
        #expect(try KeaExpression.test("relay4[1].hex == 'eth0/1'", on: Packet.snom))
        #expect(try KeaExpression.test("relay4[1].text == 'eth0/1'", on: Packet.snom))
        #expect(try KeaExpression.test("relay4[2].hex == 0x0102", on: Packet.snom))
        #expect(try KeaExpression.test("relay4[2].exists and not relay4[5].exists", on: Packet.snom))
        #expect(try !KeaExpression.test("relay4[1].exists", on: Packet.laptop))
        #expect(try KeaExpression.test("option[82].option[1].hex == 'eth0/1'", on: Packet.snom))
        #expect(try KeaExpression.test("option[82].option[2].exists", on: Packet.snom))
    }

    @Test func membership() throws {
        let test = try KeaExpression(parsing: "member('a') and not member('b')")
        #expect(test.evaluate(Packet.snom, isMember: { $0 == "a" }))
        #expect(!test.evaluate(Packet.snom, isMember: { $0 == "a" || $0 == "b" }))
        #expect(!test.evaluate(Packet.snom, isMember: { _ in false }))
        #expect(test.referencedClasses == ["a", "b"])
    }

    /// Kea pushes the empty string for an absent option, so a comparison with it is simply false, and a
    /// comparison with `''` is true.
    @Test func missingOptionIsEmpty() throws {
        #expect(try !KeaExpression.test("option[60].hex == 'snom'", on: Packet.laptop))
        #expect(try KeaExpression.test("option[60].hex == ''", on: Packet.laptop))
        #expect(try !KeaExpression.test("relay4[1].hex == 'eth0/1'", on: Packet.laptop))
        #expect(try KeaExpression.test("substring(option[60].hex, 0, 4) == ''", on: Packet.laptop))
    }

    /// A failed conversion fails the whole test, which then counts as false, even under `not`.
    @Test func evaluationFailureIsFalse() throws {
        #expect(try !KeaExpression.test("addrtotext(option[60].hex) == 'x'", on: Packet.snom))
        #expect(try !KeaExpression.test("not (addrtotext(option[60].hex) == 'x')", on: Packet.snom))
        #expect(try !KeaExpression.test("substring('abc', 0, 3000000000) == 'abc'", on: Packet.snom))
    }

    @Test func fixedFieldsAreBigEndianStrings() throws {
        #expect(try KeaExpression.test("pkt4.hlen == 0x00000006", on: Packet.snom))
        #expect(try KeaExpression.test("pkt4.hlen == 6", on: Packet.snom))
        #expect(try KeaExpression.test("pkt4.htype == 1", on: Packet.snom))
        #expect(try KeaExpression.test("pkt4.msgtype == 1", on: Packet.snom))
        #expect(try KeaExpression.test("pkt4.msgtype == 3", on: Packet.laptop))
        #expect(try KeaExpression.test("pkt4.transid == 0x12345678", on: Packet.snom))
        #expect(try KeaExpression.test("pkt4.giaddr == 10.0.0.1", on: Packet.snom))
        #expect(try KeaExpression.test("pkt4.ciaddr == 192.0.2.9", on: Packet.laptop))
        #expect(try KeaExpression.test("pkt4.yiaddr == 0.0.0.0 and pkt4.siaddr == 0x00000000", on: Packet.laptop))
        #expect(try KeaExpression.test("addrtotext(pkt4.giaddr) == '10.0.0.1'", on: Packet.snom))
        #expect(try KeaExpression.test("uint8totext(substring(pkt4.mac, 3, 1)) == '170'", on: Packet.snom))
        #expect(try KeaExpression.test("int8totext(substring(pkt4.mac, 3, 1)) == '-86'", on: Packet.snom))
        #expect(try KeaExpression.test("uint32totext(pkt4.transid) == '305419896'", on: Packet.snom))
        #expect(try KeaExpression.test("int16totext(0xfffe) == '-2'", on: Packet.snom))
    }

    @Test func substringFollowsKea() throws {
        let cases: [(String, String)] = [
            ("substring('foobar', 0, 3)", "foo"), ("substring('foobar', 3, all)", "bar"),
            ("substring('foobar', -2, all)", "ar"), ("substring('foobar', 4, -2)", "ob"),
            ("substring('foobar', 1, -5)", "f"), ("substring('foobar', 6, 1)", ""),
            ("substring('foobar', -7, 1)", ""), ("substring('foobar', 2, 100)", "obar"),
        ]
        for (expression, expected) in cases {
            #expect(try KeaExpression.test("\(expression) == '\(expected)'", on: Packet.snom), "\(expression)")
        }
    }

    @Test func stringFunctions() throws {
        #expect(try KeaExpression.test("concat('snom', '715') == option[60].text", on: Packet.snom))
        #expect(try KeaExpression.test("'snom' + '7' + '15' == option[60].text", on: Packet.snom))
        #expect(try KeaExpression.test("ifelse(option[60].exists, 'phone', 'pc') == 'phone'", on: Packet.snom))
        #expect(try KeaExpression.test("ifelse(option[60].exists, 'phone', 'pc') == 'pc'", on: Packet.laptop))
        #expect(try KeaExpression.test("hexstring(0x0a0b, '-') == '0a-0b'", on: Packet.snom))
        #expect(try KeaExpression.test("split('a,b;c', ',;', 3) == 'c'", on: Packet.snom))
        #expect(try KeaExpression.test("split('a,b', ',', 3) == ''", on: Packet.snom))
        #expect(try KeaExpression.test("0x1 == 0x01 and 0x616263 == 'abc'", on: Packet.snom))
    }

    @Test func precedence() throws {
        // `and` binds tighter than `or`; `not` tighter than both.
        #expect(try KeaExpression.test("'a' == 'a' or 'a' == 'b' and 'a' == 'b'", on: Packet.snom))
        #expect(try !KeaExpression.test("('a' == 'a' or 'a' == 'b') and 'a' == 'b'", on: Packet.snom))
        #expect(try KeaExpression.test("not 'a' == 'b' and 'a' == 'a'", on: Packet.snom))
        #expect(try !KeaExpression.test("not ('a' == 'a' and 'a' == 'a')", on: Packet.snom))
        #expect(try KeaExpression.test("not not option[60].exists", on: Packet.snom))
        // `+` binds tighter than `==`; parentheses may wrap strings.
        #expect(try KeaExpression.test("'a' + 'b' == 'ab'", on: Packet.snom))
        #expect(try KeaExpression.test("('a' + 'b') == ('ab')", on: Packet.snom))
        #expect(try KeaExpression.test("(('a')) == 'a' and ((option[60].exists))", on: Packet.snom))
    }

    @Test func vendorOptions() throws {
        // 125: enterprise 4491, 5 bytes of sub-options: 2 = 0a000005. 124: enterprise 4491, one tuple "docsis".
        let modem = DHCPMessage(
            op: .request, xid: 1, chaddr: [1, 2, 3, 4, 5, 6],
            options: [
                DHCPOption(code: 125, value: [0, 0, 0x11, 0x8b, 6, 2, 4, 10, 0, 0, 5]),
                DHCPOption(code: 124, value: [0, 0, 0x11, 0x8b, 7, 6] + Array("docsis".utf8)),
            ])
        #expect(try KeaExpression.test("vendor[4491].exists", on: modem))
        #expect(try KeaExpression.test("vendor[*].exists and not vendor[9].exists", on: modem))
        #expect(try KeaExpression.test("vendor[4491].option[2].hex == 10.0.0.5", on: modem))
        #expect(try KeaExpression.test("vendor.enterprise == 4491", on: modem))
        #expect(try KeaExpression.test("vendor-class[4491].exists", on: modem))
        #expect(try KeaExpression.test("vendor-class[*].data == 'docsis'", on: modem))
        #expect(try KeaExpression.test("vendor-class[4491].data[1] == ''", on: modem))
        #expect(try KeaExpression.test("vendor-class.enterprise == 4491", on: modem))
        #expect(try !KeaExpression.test("vendor[*].exists", on: Packet.snom))
    }
}
