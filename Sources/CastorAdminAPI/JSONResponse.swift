import CastorJSON
import Foundation
import Hummingbird

/// Builds the API's JSON answers: one encoder configuration (ISO 8601 dates, sorted keys) for every route.
///
/// ```swift
/// return try JSONResponse.make(user, status: .created, location: "/api/users/\(id)")
/// ```
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    static func make(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, location: String? = nil
    ) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        var headers: HTTPFields = [.contentType: contentType]
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The resource as a ``JSONValue``, the starting point of a partial update.
    static func value(of resource: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try JSONValue(parsing: Array(encoder.encode(resource)))
    }

    static func noContent() -> Response { Response(status: .noContent) }
}

/// A list answer: `{"items": […], "total": n}`.
struct ItemList<Item: Encodable>: Encodable {
    var items: [Item]
    var total: Int

    init(_ items: [Item]) {
        self.items = items
        self.total = items.count
    }
}
