import CastorJSON
import Hummingbird

/// Reads a request body as a JSON object, with the errors a client can act on.
///
/// - more than `limit` bytes → 413;
/// - not JSON → 400 `body is not valid JSON: line 2, column 7: …`;
/// - JSON but not an object → 400;
/// - a field of the wrong type or missing → 400 naming it (`max_contacts: expected a number, got a string`).
///
/// ```swift
/// let user = try await RequestBody.decode(User.self, from: request, limit: options.maxBodySize)
/// ```
enum RequestBody {
    static func object(from request: Request, limit: Int) async throws -> JSONValue {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the body is larger than \(limit) bytes")
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: Array(buffer.readableBytesView))
        } catch {
            throw APIError(.badRequest, "body is not valid JSON: \(error)")
        }
        guard case .object = value else {
            throw APIError(.badRequest, "the body must be a JSON object, got \(value.kindDescription)")
        }
        return value
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        try decode(type, from: try await object(from: request, limit: limit))
    }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        do {
            return try JSONValueDecoder().decode(type, from: value)
        } catch {
            throw APIError(.badRequest, error.message, field: error.field)
        }
    }
}
