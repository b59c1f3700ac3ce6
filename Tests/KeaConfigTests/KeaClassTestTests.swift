import CastorJSON
import DHCPCodec
import KeaExpression
import Testing

@testable import KeaConfig

/// Client-class `test` expressions are parsed at load time, as Kea 2.2 does, and a bad one is refused at its
/// place in the file.
@Suite("Kea client-class tests")
struct KeaClassTestTests {
    static func classes(_ list: String) -> String { #"{"Dhcp4": {"client-classes": ["# + list + "]}}" }

    @Test func aBooleanTestIsParsedAndEvaluates() throws {
        let config = try Kea.parse(
            Self.classes(#"{"name": "snom", "test": "substring(option[60].hex,0,4) == 'snom'"}"#))
        let test = try #require(config.clientClass(named: "snom")?.test)
        #expect(test.text == "substring(option[60].hex,0,4) == 'snom'")
        let phone = DHCPMessage(
            op: .request, xid: 1, chaddr: [0, 4, 0x13, 1, 2, 3],
            options: [DHCPOption(code: 60, value: Array("snom715".utf8))])
        #expect(test.expression.evaluate(phone, isMember: { _ in false }))
        #expect(!test.expression.evaluate(DHCPMessage(op: .request, xid: 2), isMember: { _ in false }))
    }

    @Test func aTestThatIsNotBooleanIsRefusedInsideItsString() {
        // The string opens at column 53; the end of the expression is 14 characters in.
        let error = Kea.failure(Self.classes(#"{"name": "a", "test": "option[60].hex"}"#))
        #expect(
            error?.description
                == "f:1:68: expression: [option[60].hex] error: syntax error, unexpected end of file, expecting == or +"
        )
    }

    @Test func anEscapedTestIsRefusedAtItsOpeningQuote() {
        let error = Kea.failure(Self.classes(#"{"name": "a", "test": "\u006fption[60].hex"}"#))
        #expect(error?.line == 1 && error?.column == 53)
    }

    @Test func memberMustNameAClassDefinedEarlier() {
        let error = Kea.failure(Self.classes(#"{"name": "a", "test": "member('b')"}, {"name": "b"}"#))
        #expect(error?.description == "f:1:61: expression: [member('b')] error: Not defined client class 'b'")
    }

    @Test func memberMayNameEarlierAndBuiltInClasses() throws {
        let config = try Kea.parse(
            Self.classes(
                #"""
                {"name": "a", "test": "option[60].exists"},
                {"name": "b", "test": "member('a') and not member('KNOWN') or member('VENDOR_CLASS_snom715')"}
                """#))
        #expect(
            config.clientClass(named: "b")?.test?.expression.referencedClasses == [
                "a", "KNOWN", "VENDOR_CLASS_snom715",
            ])
    }

    @Test func optionNamesIncludeTheConfigsDefinitions() throws {
        let config = try Kea.dhcp4(
            #"""
            "option-def": [{"name": "tftp-server-address", "code": 150, "type": "ipv4-address", "array": true}],
            "client-classes": [{"name": "a", "test": "option[tftp-server-address].exists"}]
            """#)
        let test = try #require(config.clientClass(named: "a")?.test)
        let message = DHCPMessage(op: .request, xid: 1, options: [DHCPOption(code: 150, value: [10, 0, 0, 5])])
        #expect(test.expression.evaluate(message, isMember: { _ in false }))
        #expect(
            Kea.failure(Self.classes(#"{"name": "a", "test": "option[cisco-tftp].exists"}"#))?.message
                == "expression: [option[cisco-tftp].exists] error: option 'cisco-tftp' is not defined")
    }
}
