/// A SIP request (RFC 3261 §7.1): `Method SP Request-URI SP SIP-Version CRLF`, header fields, an empty line,
/// and the body.
///
/// ```
/// REGISTER sip:pbx.lab SIP/2.0
/// Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776;rport
/// From: <sip:201@pbx.lab>;tag=a73kszlfl
/// …
/// Content-Length: 0
/// ```
///
/// ```swift
/// guard case .request(let request) = try SIPMessage(parsing: datagram) else { return }
/// if let rejection = request.validate(supportedExtensions: ["path", "outbound"]) {
///     send(SIPResponse(answering: request, rejection: rejection))
/// }
/// ```
public struct SIPRequest: Hashable, Sendable {
    public var method: SIPMethod
    public var uri: SIPURI
    /// `SIP/2.0` on every current element; kept as written so ``validate(supportedExtensions:)`` can answer 505.
    public var version: String
    public var headers: SIPHeaders
    public var body: [UInt8]

    public init(
        method: SIPMethod, uri: SIPURI, version: String = "SIP/2.0", headers: SIPHeaders = SIPHeaders(),
        body: [UInt8] = []
    ) {
        self.method = method
        self.uri = uri
        self.version = version
        self.headers = headers
        self.body = body
    }
}
