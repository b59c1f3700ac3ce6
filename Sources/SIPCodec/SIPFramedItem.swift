/// What a ``SIPStreamFramer`` cuts from a TCP or TLS stream.
public enum SIPFramedItem: Hashable, Sendable {
    /// One whole message — start line, headers, empty line and Content-Length bytes of body — for
    /// ``SIPMessage/init(parsing:)-([UInt8])``.
    case message([UInt8])
    /// CRLFCRLF: a client's keep-alive; answer with a single CRLF (RFC 5626 §3.5.1).
    case keepAlivePing
    /// A lone CRLF: the answer to our ping (RFC 5626 §3.5.1).
    case keepAlivePong
}
