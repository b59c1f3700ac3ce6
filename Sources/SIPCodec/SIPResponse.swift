/// A SIP response (RFC 3261 §7.2): `SIP-Version SP Status-Code SP Reason-Phrase CRLF`, header fields, an
/// empty line, and the body.
///
/// ```
/// SIP/2.0 401 Unauthorized
/// Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776;rport=5060;received=10.0.0.5
/// …
/// ```
///
/// ```swift
/// var challenge = SIPResponse(answering: register, statusCode: 401, toTag: "8f2c")
/// challenge.headers.append(.wwwAuthenticate, #"Digest realm="pbx.lab", nonce="…", algorithm=MD5"#)
/// let bytes = challenge.serialized()
/// ```
public struct SIPResponse: Hashable, Sendable {
    /// 100–699 when parsed (RFC 3261 §21).
    public var statusCode: Int
    /// Any UTF-8 text, possibly empty (RFC 4475 §3.1.1.12, §3.1.1.13).
    public var reasonPhrase: String
    public var version: String
    public var headers: SIPHeaders
    public var body: [UInt8]

    public init(
        statusCode: Int, reasonPhrase: String? = nil, version: String = "SIP/2.0",
        headers: SIPHeaders = SIPHeaders(), body: [UInt8] = []
    ) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase ?? SIPResponse.defaultReasonPhrase(for: statusCode)
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// 1xx.
    public var isProvisional: Bool { statusCode < 200 }
    /// 2xx.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
    /// 200–699: the response ends the transaction (RFC 3261 §17).
    public var isFinal: Bool { statusCode >= 200 }
}
