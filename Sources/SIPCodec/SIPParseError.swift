/// Why bytes or a header value are not SIP, and where.
///
/// Message framing errors (the start line, a header line, Content-Length) are thrown by
/// ``SIPMessage/init(parsing:)-(UnsafeRawBufferPointer)`` with ``offset`` counted from the first byte of the message.
/// Header values are parsed lazily by the typed accessors (``SIPHeaders/vias()``, ``SIPHeaders/from()``…); their
/// errors name the ``header`` and count ``offset`` from the first byte of the (unfolded) value.
///
/// ```swift
/// do { _ = try message.headers.vias() } catch { print(error) }
/// // "Via header, byte 16 of the value: empty parameter (RFC 3261 §20.42)"
/// ```
public struct SIPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in categories a caller can act on.
    public enum Kind: Hashable, Sendable {
        /// No bytes, or only CRLFs.
        case emptyMessage
        /// The start line is neither `Method SP Request-URI SP SIP-Version` nor
        /// `SIP-Version SP Status-Code SP Reason-Phrase` (RFC 3261 §7.1, §7.2).
        case invalidStartLine
        /// The method is not a token (RFC 3261 §25.1).
        case invalidMethod
        /// The Request-URI does not parse (RFC 3261 §19.1, §25.1).
        case invalidRequestURI
        /// `SIP-Version` is not `SIP/<digits>.<digits>`.
        case invalidVersion
        /// The Status-Code is not three digits from 100 to 699 (RFC 3261 §7.2, §21).
        case invalidStatusCode
        /// A CR not followed by LF.
        case invalidLineEnding
        /// A header line without a token name and a colon (RFC 3261 §7.3.1).
        case invalidHeaderName
        /// A byte the header section never carries raw, such as NUL (RFC 3261 §25.1).
        case invalidCharacter
        /// The bytes end before the empty line that ends the header section (RFC 3261 §7).
        case unterminatedHeaderSection
        /// Content-Length is not a non-negative decimal number (RFC 3261 §20.14).
        case invalidContentLength
        /// More than one Content-Length field: the body's length is unknowable (RFC 4475 §3.3.9).
        case multipleContentLength
        /// Content-Length claims more bytes than the datagram carries (RFC 3261 §18.3, RFC 4475 §3.1.2.2).
        case bodyShorterThanContentLength
        /// A mandatory header field is absent.
        case missingHeader
        /// A single-valued header field appears more than once (RFC 4475 §3.3.8).
        case multipleHeaders
        /// A header value does not match its grammar (RFC 3261 §25.1).
        case malformedHeader
        /// A URI does not match RFC 3261 §19.1 (or RFC 3966 for tel, RFC 3986 for other schemes).
        case invalidURI
    }

    /// What is wrong.
    public var kind: Kind
    /// The header field the error is in, if any.
    public var header: SIPHeaderName?
    /// Byte offset of the problem: into the header's value when ``isOffsetInValue``, else into the message
    /// (or into the text given to a typed parser such as ``SIPURI/init(parsing:)``).
    public var offset: Int
    /// Whether ``offset`` counts from the first byte of ``header``'s unfolded value: true for errors of the
    /// typed accessors of ``SIPHeaders``.
    public var isOffsetInValue: Bool
    /// A short explanation, citing the rule broken.
    public var detail: String

    public init(_ kind: Kind, at offset: Int, header: SIPHeaderName? = nil, _ detail: String) {
        self.kind = kind
        self.header = header
        self.offset = offset
        self.detail = detail
        isOffsetInValue = false
    }

    /// The same error, attributed to `header` (for parsers shared by several header fields).
    func `in`(_ header: SIPHeaderName) -> SIPParseError {
        var copy = self
        copy.header = header
        copy.isOffsetInValue = true
        return copy
    }

    public var description: String {
        if let header, kind == .missingHeader || kind == .multipleHeaders { return "\(header) header: \(detail)" }
        switch (header, isOffsetInValue) {
        case (let header?, true): return "\(header) header, byte \(offset) of the value: \(detail)"
        case (let header?, false): return "SIP message, byte \(offset), \(header) header: \(detail)"
        case (nil, _): return "SIP message, byte \(offset): \(detail)"
        }
    }
}
