/// A header field name (RFC 3261 §7.3): a case-insensitive token. Compact forms (RFC 3261 §7.3.3 and later
/// RFCs: `i m f t v l c k s e o r b x u a j d y n`) name the same header as their long form, and every known
/// header prints in its canonical spelling; an extension header prints as first written.
///
/// ```swift
/// SIPHeaderName("v") == .via                      // true
/// SIPHeaderName("call-id").description            // "Call-ID"
/// SIPHeaderName("X-Snom-Foo") == SIPHeaderName("x-snom-foo")   // true
/// ```
public struct SIPHeaderName: Hashable, Sendable, CustomStringConvertible {
    /// The known header, or nil for an extension header.
    let known: Known?
    /// Canonical spelling (known) or as written (extension).
    public let description: String
    /// The name lowercased, for comparing extension headers; empty for known headers.
    let folded: String

    private init(known: Known?, description: String, folded: String) {
        self.known = known
        self.description = description
        self.folded = folded
    }

    init(_ known: Known) {
        self.init(known: known, description: known.canonical, folded: "")
    }

    /// The header named `raw` (any case, long or compact form). `raw` must be a token to be written on the wire.
    public init(_ raw: String) {
        let known = raw.withUTF8Bytes { Known.lookUp($0, 0..<$0.count) }
        if let known {
            self.init(known)
        } else {
            self.init(known: nil, description: raw, folded: raw.asciiLowercased)
        }
    }

    /// The header named by the token `bytes[range]` of a message.
    init(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        if let known = Known.lookUp(bytes, range) {
            self.init(known)
        } else {
            let raw = SIPScanner(bytes).string(range)
            self.init(known: nil, description: raw, folded: raw.asciiLowercased)
        }
    }

    /// Whether this is one of the headers this codec knows by name (RFC 3261 §20 and common extensions).
    public var isKnown: Bool { known != nil }

    /// The compact form (RFC 3261 §7.3.3), if the header has one.
    public var compactForm: String? {
        known?.compact.map { String(decoding: [$0], as: UTF8.self) }
    }

    /// Whether several values may share one field, separated by commas (RFC 3261 §7.3.1). False for the
    /// authentication headers, whose values contain commas of their own, and for single-valued headers.
    public var allowsCommaSeparatedValues: Bool {
        switch known {
        case .accept, .acceptContact, .acceptEncoding, .acceptLanguage, .alertInfo, .allow, .allowEvents,
            .callInfo, .contact, .contentEncoding, .contentLanguage, .errorInfo, .inReplyTo, .pAssertedIdentity,
            .pPreferredIdentity, .path, .privacy, .proxyRequire, .reason, .recordRoute, .rejectContact, .require,
            .route, .serviceRoute, .supported, .unsupported, .via, .warning:
            return true
        default:
            return false
        }
    }

    public static func == (lhs: SIPHeaderName, rhs: SIPHeaderName) -> Bool {
        lhs.known == rhs.known && (lhs.known != nil || lhs.folded == rhs.folded)
    }

    public func hash(into hasher: inout Hasher) {
        if let known {
            hasher.combine(known)
        } else {
            hasher.combine(folded)
        }
    }
}

extension SIPHeaderName {
    public static let accept = SIPHeaderName(Known.accept)
    public static let acceptContact = SIPHeaderName(Known.acceptContact)
    public static let acceptEncoding = SIPHeaderName(Known.acceptEncoding)
    public static let acceptLanguage = SIPHeaderName(Known.acceptLanguage)
    public static let alertInfo = SIPHeaderName(Known.alertInfo)
    public static let allow = SIPHeaderName(Known.allow)
    public static let allowEvents = SIPHeaderName(Known.allowEvents)
    public static let authenticationInfo = SIPHeaderName(Known.authenticationInfo)
    public static let authorization = SIPHeaderName(Known.authorization)
    public static let callID = SIPHeaderName(Known.callID)
    public static let callInfo = SIPHeaderName(Known.callInfo)
    public static let contact = SIPHeaderName(Known.contact)
    public static let contentDisposition = SIPHeaderName(Known.contentDisposition)
    public static let contentEncoding = SIPHeaderName(Known.contentEncoding)
    public static let contentLanguage = SIPHeaderName(Known.contentLanguage)
    public static let contentLength = SIPHeaderName(Known.contentLength)
    public static let contentType = SIPHeaderName(Known.contentType)
    public static let cseq = SIPHeaderName(Known.cseq)
    public static let date = SIPHeaderName(Known.date)
    public static let errorInfo = SIPHeaderName(Known.errorInfo)
    public static let event = SIPHeaderName(Known.event)
    public static let expires = SIPHeaderName(Known.expires)
    public static let from = SIPHeaderName(Known.from)
    public static let identity = SIPHeaderName(Known.identity)
    public static let identityInfo = SIPHeaderName(Known.identityInfo)
    public static let inReplyTo = SIPHeaderName(Known.inReplyTo)
    public static let maxForwards = SIPHeaderName(Known.maxForwards)
    public static let mimeVersion = SIPHeaderName(Known.mimeVersion)
    public static let minExpires = SIPHeaderName(Known.minExpires)
    public static let minSE = SIPHeaderName(Known.minSE)
    public static let organization = SIPHeaderName(Known.organization)
    public static let pAssertedIdentity = SIPHeaderName(Known.pAssertedIdentity)
    public static let pPreferredIdentity = SIPHeaderName(Known.pPreferredIdentity)
    public static let path = SIPHeaderName(Known.path)
    public static let priority = SIPHeaderName(Known.priority)
    public static let privacy = SIPHeaderName(Known.privacy)
    public static let proxyAuthenticate = SIPHeaderName(Known.proxyAuthenticate)
    public static let proxyAuthorization = SIPHeaderName(Known.proxyAuthorization)
    public static let proxyRequire = SIPHeaderName(Known.proxyRequire)
    public static let rack = SIPHeaderName(Known.rack)
    public static let reason = SIPHeaderName(Known.reason)
    public static let recordRoute = SIPHeaderName(Known.recordRoute)
    public static let referTo = SIPHeaderName(Known.referTo)
    public static let referredBy = SIPHeaderName(Known.referredBy)
    public static let rejectContact = SIPHeaderName(Known.rejectContact)
    public static let replaces = SIPHeaderName(Known.replaces)
    public static let replyTo = SIPHeaderName(Known.replyTo)
    public static let requestDisposition = SIPHeaderName(Known.requestDisposition)
    public static let require = SIPHeaderName(Known.require)
    public static let retryAfter = SIPHeaderName(Known.retryAfter)
    public static let route = SIPHeaderName(Known.route)
    public static let rseq = SIPHeaderName(Known.rseq)
    public static let server = SIPHeaderName(Known.server)
    public static let serviceRoute = SIPHeaderName(Known.serviceRoute)
    public static let sessionExpires = SIPHeaderName(Known.sessionExpires)
    public static let sipETag = SIPHeaderName(Known.sipETag)
    public static let sipIfMatch = SIPHeaderName(Known.sipIfMatch)
    public static let subject = SIPHeaderName(Known.subject)
    public static let subscriptionState = SIPHeaderName(Known.subscriptionState)
    public static let supported = SIPHeaderName(Known.supported)
    public static let timestamp = SIPHeaderName(Known.timestamp)
    public static let to = SIPHeaderName(Known.to)
    public static let unsupported = SIPHeaderName(Known.unsupported)
    public static let userAgent = SIPHeaderName(Known.userAgent)
    public static let via = SIPHeaderName(Known.via)
    public static let warning = SIPHeaderName(Known.warning)
    public static let wwwAuthenticate = SIPHeaderName(Known.wwwAuthenticate)
}
