import CastorJSON
import CastorModel
import Foundation
import Testing

@testable import CastorAdminAPI

/// The API's models decoded through `JSONValueDecoder` (which lives in CastorJSON): errors name the field.
@Suite("Request body decoding")
struct RequestDecodingTests {
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONValue(parsing: Array(text.utf8))
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
}
