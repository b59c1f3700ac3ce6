import CastorModel
import Hummingbird

/// An error the API answers with a status and a JSON body: `{"error":{"status":400,"message":"…","field":"exten"}}`.
///
/// Handlers throw it (or a `CastorError`, which ``init(_:)`` maps: `invalid` → 400, `notFound` → 404,
/// `conflict` → 409); ``JSONErrorMiddleware`` renders it.
///
/// ```swift
/// throw APIError(.badRequest, "the body must be a JSON object")
/// ```
struct APIError: Error, Equatable {
    var status: HTTPResponse.Status
    var message: String
    var field: String?
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    init(_ error: CastorError) {
        switch error {
        case .invalid: self.init(.badRequest, error.description, field: error.field)
        case .notFound: self.init(.notFound, error.description)
        case .conflict: self.init(.conflict, error.description, field: error.field)
        }
    }

    /// 401 with the challenge RFC 6750 §3 asks for.
    static func unauthorized(_ message: String, invalidToken: Bool = false) -> APIError {
        var error = APIError(.unauthorized, message)
        error.headers[.wwwAuthenticate] =
            invalidToken ? #"Bearer realm="castor", error="invalid_token""# : #"Bearer realm="castor""#
        return error
    }
}

/// The JSON body of every error answer.
struct ErrorBody: Codable, Equatable {
    struct Detail: Codable, Equatable {
        var status: Int
        var message: String
        var field: String?
    }

    var error: Detail
}
