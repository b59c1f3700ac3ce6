import Testing

@testable import CastorJSON

@Suite("JSON parsing and decoding")
struct JSONValueTests {
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONValue(parsing: Array(text.utf8))
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try Self.parse(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n"} "#)
        #expect(
            value
                == .object([
                    "a": .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]),
                    "b": .string("x\"é😀\n"),
                ]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9),
        ("{\n  \"a\": tru\n}", 2, 8),
        ("[1, 2", 1, 6),
        ("{\"a\": 01}", 1, 8),
        ("{\"a\" 1}", 1, 6),
        ("", 1, 1),
        ("{} x", 1, 4),
        ("{\"é\": x}", 1, 7),
        ("{\"a\": 1, \"a\": 2}", 1, 10),
        ("{\"a\": 1} // no comments in strict mode", 1, 10),
        ("[1,]", 1, 4),
    ])
    func syntaxErrorsSayWhere(text: String, line: Int, column: Int) {
        #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
        do {
            _ = try Self.parse(text)
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
    }

    private struct Person: Decodable {
        var name: String
        var age: Int
        var tags: [String]
    }

    @Test func decodingErrorsNameTheField() throws {
        func failure(_ text: String) throws -> JSONValueDecoder.Failure? {
            let value = try Self.parse(text)
            do {
                _ = try JSONValueDecoder().decode(Person.self, from: value)
                return nil
            } catch {
                return error
            }
        }
        #expect(
            try failure(#"{"name": "a", "age": "3", "tags": []}"#)?.message == "age: expected a number, got a string")
        #expect(try failure(#"{"name": "a", "age": 3.5, "tags": []}"#)?.message == "age: expected an integer, got 3.5")
        #expect(try failure(#"{"name": "a", "tags": []}"#)?.field == "age")
        #expect(try failure(#"{"name": "a", "age": null, "tags": []}"#)?.message == "age: must not be null")
        #expect(try failure(#"{"name": "a", "age": 3, "tags": [], "x": 1}"#)?.field == "x")
        #expect(try failure(#"{"name": "a", "age": 3, "tags": [1]}"#)?.field == "tags[0]")
        #expect(try failure(#"{"name": "a", "age": 1e3, "tags": []}"#) == nil)
    }

    @Test func mergingReplacesTopLevelMembersOnly() throws {
        let current = try Self.parse(#"{"a": 1, "b": {"c": 2, "d": 3}}"#)
        let merged = current.merging(try Self.parse(#"{"b": {"c": 5}, "e": null}"#))
        #expect(merged == .object(["a": .number("1"), "b": .object(["c": .number("5")]), "e": .null]))
    }
}
