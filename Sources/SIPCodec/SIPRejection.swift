/// The error response a UAS owes a request that parsed but must not be processed, as decided by
/// ``SIPRequest/validate(supportedExtensions:supportedContentTypes:)``: its status, a reason phrase that
/// names the problem, and the headers that status requires.
///
/// ```swift
/// if let rejection = request.validate(supportedExtensions: ["path"]) {
///     logger.info("rejected", metadata: ["sip.status": "\(rejection.statusCode)", "sip.reason": "\(rejection)"])
///     transport.send(SIPResponse(answering: request, rejection: rejection))
/// }
/// ```
public struct SIPRejection: Hashable, Sendable, CustomStringConvertible {
    /// 400, 415, 416, 420 or 505.
    public var statusCode: Int
    /// E.g. "Missing Call-ID", "Malformed Via", "Bad Extension".
    public var reasonPhrase: String
    /// Headers the response must carry: Unsupported with a 420 (RFC 3261 §8.2.2.3), Accept with a 415
    /// (§8.2.3).
    public var headers: SIPHeaders
    /// The parse error behind a 400, for logs.
    public var error: SIPParseError?

    public init(
        statusCode: Int, reasonPhrase: String, headers: SIPHeaders = SIPHeaders(), error: SIPParseError? = nil
    ) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.headers = headers
        self.error = error
    }

    public var description: String {
        var text = "\(statusCode) \(reasonPhrase)"
        if let error { text += " (\(error))" }
        return text
    }
}
