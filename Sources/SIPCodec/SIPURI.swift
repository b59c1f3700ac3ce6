/// A SIP or SIPS URI (RFC 3261 §19.1), a tel URI (RFC 3966), or any other absolute URI (RFC 3986), as
/// Request-URIs and the addresses of From, To, Contact and Route carry them.
///
/// ```
/// sip:alice:secret@atlanta.example.com:5060;transport=tcp;lr?subject=project%20x&priority=urgent
/// \_/ \___/ \____/ \_________________/ \__/ \_______________/ \_________________________________/
/// scheme user password       host      port    parameters                  headers
/// ```
///
/// Components are kept as written — escapes included — so ``description`` reproduces a parsed URI exactly;
/// ``decodedUser`` resolves the escapes, and ``isEquivalent(to:)`` compares by RFC 3261 §19.1.4. A tel URI
/// holds its number in ``user`` and has an empty ``host``; another scheme keeps everything after the colon in
/// ``opaque``.
///
/// ```swift
/// let uri = try SIPURI(parsing: "sip:201@pbx.lab;transport=tcp")
/// uri.user                                  // "201"
/// uri.parameters.value("transport")         // "tcp"
/// uri.isEquivalent(to: try SIPURI(parsing: "sip:%32%30%31@PBX.lab;Transport=TCP"))   // true
/// ```
public struct SIPURI: Hashable, Sendable, CustomStringConvertible {
    /// The URI scheme, compared case-insensitively (RFC 3261 §19.1.4).
    public enum Scheme: Hashable, Sendable, CustomStringConvertible {
        case sip, sips, tel
        /// Any other scheme, lowercased.
        case other(String)

        public init(_ name: String) {
            switch name.asciiLowercased {
            case "sip": self = .sip
            case "sips": self = .sips
            case "tel": self = .tel
            case let other: self = .other(other)
            }
        }

        public var description: String {
            switch self {
            case .sip: return "sip"
            case .sips: return "sips"
            case .tel: return "tel"
            case .other(let name): return name
            }
        }
    }

    /// One `hname=hvalue` of the headers component (RFC 3261 §19.1.1), escapes kept.
    public struct Header: Hashable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var scheme: Scheme
    /// The user part as written (escapes kept), or nil; for a tel URI, the number.
    public var user: String?
    /// The password as written, or nil (its use is NOT RECOMMENDED: RFC 3261 §19.1.1).
    public var password: String?
    /// A hostname, an IPv4 address, or an IPv6 reference with its brackets; empty for tel and other schemes.
    public var host: String
    public var port: Int?
    public var parameters: SIPParameters
    public var headers: [Header]
    /// For schemes other than sip, sips and tel: everything after `scheme:`, as written.
    public var opaque: String?

    public init(
        scheme: Scheme = .sip, user: String? = nil, password: String? = nil, host: String, port: Int? = nil,
        parameters: SIPParameters = SIPParameters(), headers: [Header] = []
    ) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = headers
        opaque = nil
    }

    /// A URI of another scheme: `scheme:opaque`.
    public init(scheme: Scheme, opaque: String) {
        self.scheme = scheme
        user = nil
        password = nil
        host = ""
        port = nil
        parameters = SIPParameters()
        headers = []
        self.opaque = opaque
    }

    /// ``user`` with `%XX` escapes resolved (RFC 3261 §19.1.2). Invalid UTF-8 becomes U+FFFD.
    public var decodedUser: String? {
        user.map(Self.percentDecoded)
    }

    /// The host and port as written in a Via sent-by or a `received` comparison: `host[:port]`.
    public var hostPort: String {
        port.map { "\(host):\($0)" } ?? host
    }

    public var description: String {
        var text = scheme.description
        text += ":"
        switch scheme {
        case .sip, .sips:
            if let user {
                text += user
                if let password {
                    text += ":"
                    text += password
                }
                text += "@"
            }
            text += host
            if let port { text += ":\(port)" }
        case .tel:
            text += user ?? ""
        case .other:
            text += opaque ?? ""
            return text
        }
        parameters.write(to: &text)
        for (index, header) in headers.enumerated() {
            text += index == 0 ? "?" : "&"
            text += header.name
            text += "="
            text += header.value
        }
        return text
    }

    /// `text` with `%XX` escapes resolved; a `%` not followed by two hex digits stays as it is.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = SIPByteClass.hexValue(bytes[index + 1]), let low = SIPByteClass.hexValue(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
