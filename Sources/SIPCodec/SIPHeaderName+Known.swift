extension SIPHeaderName {
    /// The header fields of RFC 3261 §20 and the extensions a PBX meets, with their canonical spelling and
    /// compact form (RFC 3261 §7.3.3, RFC 3841, RFC 3515, RFC 3892, RFC 4028, RFC 6665, RFC 8224).
    enum Known: UInt8, CaseIterable, Sendable {
        case accept, acceptContact, acceptEncoding, acceptLanguage, alertInfo, allow, allowEvents
        case authenticationInfo, authorization, callID, callInfo, contact, contentDisposition, contentEncoding
        case contentLanguage, contentLength, contentType, cseq, date, errorInfo, event, expires, from, identity
        case identityInfo, inReplyTo, maxForwards, mimeVersion, minExpires, minSE, organization
        case pAssertedIdentity, pPreferredIdentity, path, priority, privacy, proxyAuthenticate
        case proxyAuthorization, proxyRequire, rack, reason, recordRoute, referTo, referredBy, rejectContact
        case replaces, replyTo, requestDisposition, require, retryAfter, route, rseq, server, serviceRoute
        case sessionExpires, sipETag, sipIfMatch, subject, subscriptionState, supported, timestamp, to
        case unsupported, userAgent, via, warning, wwwAuthenticate

        var canonical: String {
            switch self {
            case .accept: return "Accept"
            case .acceptContact: return "Accept-Contact"
            case .acceptEncoding: return "Accept-Encoding"
            case .acceptLanguage: return "Accept-Language"
            case .alertInfo: return "Alert-Info"
            case .allow: return "Allow"
            case .allowEvents: return "Allow-Events"
            case .authenticationInfo: return "Authentication-Info"
            case .authorization: return "Authorization"
            case .callID: return "Call-ID"
            case .callInfo: return "Call-Info"
            case .contact: return "Contact"
            case .contentDisposition: return "Content-Disposition"
            case .contentEncoding: return "Content-Encoding"
            case .contentLanguage: return "Content-Language"
            case .contentLength: return "Content-Length"
            case .contentType: return "Content-Type"
            case .cseq: return "CSeq"
            case .date: return "Date"
            case .errorInfo: return "Error-Info"
            case .event: return "Event"
            case .expires: return "Expires"
            case .from: return "From"
            case .identity: return "Identity"
            case .identityInfo: return "Identity-Info"
            case .inReplyTo: return "In-Reply-To"
            case .maxForwards: return "Max-Forwards"
            case .mimeVersion: return "MIME-Version"
            case .minExpires: return "Min-Expires"
            case .minSE: return "Min-SE"
            case .organization: return "Organization"
            case .pAssertedIdentity: return "P-Asserted-Identity"
            case .pPreferredIdentity: return "P-Preferred-Identity"
            case .path: return "Path"
            case .priority: return "Priority"
            case .privacy: return "Privacy"
            case .proxyAuthenticate: return "Proxy-Authenticate"
            case .proxyAuthorization: return "Proxy-Authorization"
            case .proxyRequire: return "Proxy-Require"
            case .rack: return "RAck"
            case .reason: return "Reason"
            case .recordRoute: return "Record-Route"
            case .referTo: return "Refer-To"
            case .referredBy: return "Referred-By"
            case .rejectContact: return "Reject-Contact"
            case .replaces: return "Replaces"
            case .replyTo: return "Reply-To"
            case .requestDisposition: return "Request-Disposition"
            case .require: return "Require"
            case .retryAfter: return "Retry-After"
            case .route: return "Route"
            case .rseq: return "RSeq"
            case .server: return "Server"
            case .serviceRoute: return "Service-Route"
            case .sessionExpires: return "Session-Expires"
            case .sipETag: return "SIP-ETag"
            case .sipIfMatch: return "SIP-If-Match"
            case .subject: return "Subject"
            case .subscriptionState: return "Subscription-State"
            case .supported: return "Supported"
            case .timestamp: return "Timestamp"
            case .to: return "To"
            case .unsupported: return "Unsupported"
            case .userAgent: return "User-Agent"
            case .via: return "Via"
            case .warning: return "Warning"
            case .wwwAuthenticate: return "WWW-Authenticate"
            }
        }

        /// The compact form's letter, lowercase.
        var compact: UInt8? {
            switch self {
            case .acceptContact: return UInt8(ascii: "a")
            case .referredBy: return UInt8(ascii: "b")
            case .contentType: return UInt8(ascii: "c")
            case .requestDisposition: return UInt8(ascii: "d")
            case .contentEncoding: return UInt8(ascii: "e")
            case .from: return UInt8(ascii: "f")
            case .callID: return UInt8(ascii: "i")
            case .rejectContact: return UInt8(ascii: "j")
            case .supported: return UInt8(ascii: "k")
            case .contentLength: return UInt8(ascii: "l")
            case .contact: return UInt8(ascii: "m")
            case .identityInfo: return UInt8(ascii: "n")
            case .event: return UInt8(ascii: "o")
            case .referTo: return UInt8(ascii: "r")
            case .subject: return UInt8(ascii: "s")
            case .to: return UInt8(ascii: "t")
            case .allowEvents: return UInt8(ascii: "u")
            case .via: return UInt8(ascii: "v")
            case .sessionExpires: return UInt8(ascii: "x")
            case .identity: return UInt8(ascii: "y")
            default: return nil
            }
        }

        /// Lowercased canonical names, grouped by length, for allocation-free lookup from wire bytes.
        static let byLength: [[(name: [UInt8], header: Known)]] = {
            var table = [[(name: [UInt8], header: Known)]](repeating: [], count: 32)
            for header in allCases {
                let name = header.canonical.utf8.map(SIPByteClass.lowercased)
                table[name.count].append((name, header))
            }
            return table
        }()

        /// Compact forms indexed by `letter - "a"`.
        static let byCompactLetter: [Known?] = {
            var table = [Known?](repeating: nil, count: 26)
            for header in allCases {
                if let letter = header.compact { table[Int(letter - UInt8(ascii: "a"))] = header }
            }
            return table
        }()

        /// The known header named by `bytes[range]` (any case, long or compact form), if any.
        static func lookUp(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Known? {
            let count = range.count
            if count == 1 {
                let letter = SIPByteClass.lowercased(bytes[range.lowerBound])
                guard letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z") else { return nil }
                return byCompactLetter[Int(letter - UInt8(ascii: "a"))]
            }
            guard count < byLength.count else { return nil }
            candidates: for candidate in byLength[count] {
                var position = range.lowerBound
                for byte in candidate.name {
                    guard SIPByteClass.lowercased(bytes[position]) == byte else { continue candidates }
                    position += 1
                }
                return candidate.header
            }
            return nil
        }
    }
}
