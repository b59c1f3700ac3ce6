import CastorModel
import Foundation
import Testing

@testable import CastorAdminAPI

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

    @Test func decodingErrorsNameTheField() throws {
        let decoder = JSONValueDecoder()
        func failure<T: Decodable>(_ type: T.Type, _ text: String) throws -> JSONValueDecoder.Failure? {
            let value = try Self.parse(text)
            do {
                _ = try decoder.decode(type, from: value)
                return nil
            } catch {
                return error
            }
        }
        let line =
            #""username": "1001", "secret": "s3cret-alice", "context": "c", "transport": "udp", "codecs": ["ulaw"]"#
        #expect(
            try failure(Line.self, "{\(line), \"max_contacts\": \"3\"}")?.message
                == "max_contacts: expected a number, got a string")
        #expect(
            try failure(Line.self, "{\(line), \"max_contacts\": 3.5}")?.message
                == "max_contacts: expected an integer, got 3.5")
        #expect(try failure(Line.self, "{\(line)}")?.field == "max_contacts")
        #expect(
            try failure(Line.self, "{\(line), \"max_contacts\": null}")?.message == "max_contacts: must not be null")
        #expect(try failure(Line.self, "{\(line), \"max_contacts\": 3, \"extra\": 1}")?.field == "extra")
        let badCodec = line.replacingOccurrences(of: #"["ulaw"]"#, with: "[1]")
        #expect(try failure(Line.self, "{\(badCodec), \"max_contacts\": 3}")?.field == "codecs[0]")
        #expect(try failure(Line.self, "{\(line), \"max_contacts\": 3}") == nil)
        let range =
            #"{"name": "x", "display_name": "X", "ranges": [{"kind": "user", "start": "1", "end": "2", "x": 1}]}"#
        #expect(try failure(ContextDocument.self, range)?.field == "ranges[0].x")
    }

    @Test func mergingReplacesTopLevelMembersOnly() throws {
        let current = try Self.parse(#"{"a": 1, "b": {"c": 2, "d": 3}}"#)
        let merged = current.merging(try Self.parse(#"{"b": {"c": 5}, "e": null}"#))
        #expect(merged == .object(["a": .number("1"), "b": .object(["c": .number("5")]), "e": .null]))
    }
}
