import Testing

@testable import CastorJSON

/// The position-keeping parse and the Kea leniencies (comments, stray commas, duplicate keys kept).
@Suite("JSON documents with positions")
struct JSONDocumentTests {
    static func kea(_ text: String) throws(JSONSyntaxError) -> JSONDocument {
        try JSONDocument(parsing: Array(text.utf8), options: .kea)
    }

    @Test func everyValueAndKeyCarriesItsPosition() throws {
        let document = try Self.kea("{\n  \"a\": [1, \"x\"],\n\t\"b\": {\"c\": null}\n}")
        #expect(document.root.position == JSONPosition(line: 1, column: 1))
        let members = try #require(document.root.members)
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyPosition == JSONPosition(line: 2, column: 3))
        #expect(members[0].value.position == JSONPosition(line: 2, column: 8))
        let elements = try #require(members[0].value.elements)
        #expect(elements.map(\.position) == [JSONPosition(line: 2, column: 9), JSONPosition(line: 2, column: 12)])
        #expect(members[1].keyPosition == JSONPosition(line: 3, column: 2))
        let inner = try #require(members[1].value.members)
        #expect(inner[0].value == JSONNode(.null, at: JSONPosition(line: 3, column: 13)))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let document = try Self.kea(#"{"é😀": 1, "b": 2}"#)
        let members = try #require(document.root.members)
        #expect(members[0].value.position.column == 8)
        #expect(members[1].keyPosition.column == 11)
    }

    @Test func duplicateKeysAreKeptInFileOrder() throws {
        let document = try Self.kea(#"{"v": 1, "w": 0, "v": 2}"#)
        let members = try #require(document.root.members)
        #expect(members.map(\.key) == ["v", "w", "v"])
        #expect(members[2].keyPosition == JSONPosition(line: 1, column: 18))
        #expect(document.root.plainValue == .object(["v": .number("2"), "w": .number("0")]))
    }

    @Test func commentsOfTheThreeKindsAreSkipped() throws {
        let text = """
            # hash comment
            { // slash comment "x": 1
              /* block
                 comment */ "a": /* inline */ 1 # trailing
            }
            """
        let document = try Self.kea(text)
        let members = try #require(document.root.members)
        #expect(members.map(\.key) == ["a"])
        #expect(members[0].keyPosition == JSONPosition(line: 4, column: 17))
        #expect(document.root.position == JSONPosition(line: 2, column: 1))
    }

    @Test func anUnterminatedBlockCommentSaysWhereItStarts() {
        #expect(throws: JSONSyntaxError(line: 2, column: 3, reason: "unterminated /* comment")) {
            try Self.kea("{\n  /* open\n\n")
        }
    }

    @Test func commentsAreRefusedByDefault() {
        #expect(throws: JSONSyntaxError.self) { try JSONDocument(parsing: Array("# x\n{}".utf8)) }
    }

    @Test func aStrayCommaIsAWarningAtTheComma() throws {
        let document = try Self.kea("{\"a\": [1, 2,],\n \"b\": 3, }")
        #expect(
            document.warnings.map(\.position) == [JSONPosition(line: 1, column: 12), JSONPosition(line: 2, column: 8)])
        #expect(document.warnings.first?.message == "Extraneous comma. A piece of configuration may have been omitted.")
        #expect(document.root.plainValue == .object(["a": .array([.number("1"), .number("2")]), "b": .number("3")]))
    }

    @Test func twoCommasAreStillAnError() {
        #expect(throws: JSONSyntaxError.self) { try Self.kea("[1,,]") }
    }
}

@Suite struct JSONSerializationTests {
    @Test func serializesWithSortedKeysAndEscapes() throws {
        let value = JSONValue.object([
            "text": .string("a\"b\\c\n\u{1}"), "result": .integer(0), "arguments": .array([.bool(true), .null]),
        ])
        #expect(value.serialized == #"{"arguments": [true, null], "result": 0, "text": "a\"b\\c\n\u0001"}"#)
        #expect(try JSONValue(parsing: Array(value.serialized.utf8)) == value)
    }
}
