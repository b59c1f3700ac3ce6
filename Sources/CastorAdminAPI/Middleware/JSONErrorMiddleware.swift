import CastorModel
import Hummingbird
import Logging

/// Turns every error a route throws into the API's JSON error body, so clients parse one shape.
///
/// `APIError` and `CastorError` keep their status; Hummingbird's own errors (no route: 404, body too large:
/// 413) keep theirs; anything else is a bug: 500 with a generic message, and the details go to the log.
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = AdminRequestContext
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = translate(error, request: request)
            var response = try JSONResponse.make(
                ErrorBody(error: .init(status: apiError.status.code, message: apiError.message, field: apiError.field)),
                status: apiError.status)
            for field in apiError.headers { response.headers.append(field) }
            return response
        }
    }

    private func translate(_ error: any Error, request: Request) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as CastorError:
            return APIError(error)
        case let error as HTTPError:
            let message =
                error.body
                ?? (error.status == .notFound
                    ? "no route for \(request.method) \(request.uri.path)" : error.status.reasonPhrase)
            var apiError = APIError(error.status, message)
            apiError.headers = error.headers
            return apiError
        case let error as any HTTPResponseError:
            if error.status == .contentTooLarge { return APIError(.contentTooLarge, "the body is too large") }
            return APIError(error.status, error.status.reasonPhrase)
        default:
            logger.error(
                "api.unexpected_error",
                metadata: [
                    "http.method": "\(request.method)", "http.path": "\(request.uri.path)",
                    "error": "\(String(reflecting: error))",
                ])
            return APIError(.internalServerError, "internal error; see the castor api log")
        }
    }
}
