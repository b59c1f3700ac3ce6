/// A SIP message (RFC 3261 §7): a request or a response, parsed from and serialized to bytes.
///
/// Parsing (`SIPMessage+Parsing.swift`) reads the start line and splits the header section into fields in one
/// pass over the bytes; header values are parsed only when a typed accessor asks. A datagram may hold a body
/// without Content-Length (it runs to the end) and bytes past Content-Length (discarded: RFC 3261 §18.3); a
/// stream's messages come whole from ``SIPStreamFramer``. Serializing (`SIPMessage+Serialization.swift`)
/// writes long header names, CRLF line ends and a Content-Length that matches the body, so
/// `SIPMessage(parsing: message.serialized()) == message` for every message that parsed.
///
/// ```swift
/// let message = try SIPMessage(parsing: datagram)
/// switch message {
/// case .request(let request): handle(request)
/// case .response(let response): transactions.receive(response)
/// }
/// ```
public enum SIPMessage: Hashable, Sendable {
    case request(SIPRequest)
    case response(SIPResponse)

    /// The header fields of either kind of message.
    public var headers: SIPHeaders {
        get {
            switch self {
            case .request(let request): return request.headers
            case .response(let response): return response.headers
            }
        }
        set {
            switch self {
            case .request(var request):
                request.headers = newValue
                self = .request(request)
            case .response(var response):
                response.headers = newValue
                self = .response(response)
            }
        }
    }

    /// The body of either kind of message.
    public var body: [UInt8] {
        switch self {
        case .request(let request): return request.body
        case .response(let response): return response.body
        }
    }

    public var request: SIPRequest? {
        if case .request(let request) = self { return request }
        return nil
    }

    public var response: SIPResponse? {
        if case .response(let response) = self { return response }
        return nil
    }
}
