/// One Via value (RFC 3261 §20.42, §18.2.1; `rport` of RFC 3581): the transport and address a response goes
/// back to, and the transaction's branch.
///
/// ```
/// Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds;rport=5060;received=10.0.0.5
///      \_/ \_/ \_/ \___________/ \____________________________________________________/
///    name version transport sent-by                      parameters
/// ```
///
/// ```swift
/// var via = try headers.vias()[0]
/// via.received = "192.0.2.7"               // the source address differs from sent-by (§18.2.1)
/// if via.rport == .requested { via.rport = .value(sourcePort) }    // RFC 3581 §4
/// headers.replaceTopVia(with: via)
/// ```
public struct SIPVia: Hashable, Sendable, CustomStringConvertible {
    /// The `rport` parameter (RFC 3581 §3–§4).
    public enum RPort: Hashable, Sendable {
        /// Bare `rport`: the client asks for the response to go to the request's source port.
        case requested
        /// `rport=N`, filled in by the server.
        case value(Int)
    }

    /// "SIP".
    public var protocolName: String
    /// "2.0".
    public var protocolVersion: String
    /// Uppercased: "UDP", "TCP", "TLS", "SCTP", "WS", "WSS"…
    public var transport: String
    /// A hostname, an IPv4 address or an IPv6 reference with brackets.
    public var host: String
    public var port: Int?
    public var parameters: SIPParameters

    public init(
        transport: String = "UDP", host: String, port: Int? = nil, branch: String? = nil,
        parameters: SIPParameters = SIPParameters()
    ) {
        protocolName = "SIP"
        protocolVersion = "2.0"
        self.transport = transport.asciiUppercased
        self.host = host
        self.port = port
        self.parameters = parameters
        if let branch { self.branch = branch }
    }

    /// The transaction identifier (RFC 3261 §8.1.1.7).
    public var branch: String? {
        get { parameters.value("branch") }
        set { setParameter("branch", newValue) }
    }

    /// Whether the branch starts with RFC 3261's magic cookie `z9hG4bK` (§8.1.1.7, §17.2.3).
    public var hasRFC3261Branch: Bool {
        branch?.hasPrefix(Self.magicCookie) ?? false
    }

    /// RFC 3261's magic cookie, the prefix of every branch its elements create (§8.1.1.7).
    public static let magicCookie = "z9hG4bK"

    /// The source address a server saw, when it differs from sent-by (RFC 3261 §18.2.1).
    public var received: String? {
        get { parameters.value("received") }
        set { setParameter("received", newValue) }
    }

    /// `rport`, bare or with a port; nil when absent or not a port number.
    public var rport: RPort? {
        get {
            guard let parameter = parameters.parameter("rport") else { return nil }
            guard let value = parameter.value else { return .requested }
            guard let port = Int(value), (0...65_535).contains(port) else { return nil }
            return .value(port)
        }
        set {
            switch newValue {
            case nil: parameters.remove("rport")
            case .requested: parameters.set("rport")
            case .value(let port): parameters.set("rport", String(port))
            }
        }
    }

    /// `host[:port]` (RFC 3261 §20.42 sent-by).
    public var sentBy: String {
        port.map { "\(host):\($0)" } ?? host
    }

    private mutating func setParameter(_ name: String, _ value: String?) {
        if let value {
            parameters.set(name, value)
        } else {
            parameters.remove(name)
        }
    }

    public var description: String {
        "\(protocolName)/\(protocolVersion)/\(transport) \(sentBy)\(parameters)"
    }
}

extension SIPVia {
    /// Parses one via-parm: `sent-protocol LWS sent-by *( SEMI via-params )` (RFC 3261 §25.1). Whitespace is
    /// allowed around `/`, `:`, `;` and `=` (RFC 4475 §3.1.1.1).
    public init(parsing text: String) throws(SIPParseError) {
        self = try text.withSIPBytes { bytes throws(SIPParseError) in
            var scanner = SIPScanner(bytes)
            return try SIPVia(&scanner)
        }
    }

    /// Parses from the scanner's position to its end.
    init(_ scanner: inout SIPScanner) throws(SIPParseError) {
        scanner.skipWhitespace()
        guard let name = scanner.token(), scanner.consumeSeparator(UInt8(ascii: "/")),
            let version = scanner.token(), scanner.consumeSeparator(UInt8(ascii: "/")),
            let transport = scanner.token()
        else {
            throw SIPParseError(
                .malformedHeader, at: scanner.index, "expected SIP/2.0/transport (RFC 3261 §20.42)")
        }
        let beforeSpace = scanner.index
        scanner.skipWhitespace()
        guard scanner.index > beforeSpace else {
            throw SIPParseError(.malformedHeader, at: scanner.index, "expected whitespace before sent-by")
        }
        let hostStart = scanner.index
        if scanner.consume(UInt8(ascii: "[")) {
            let address = scanner.scan {
                SIPByteClass.isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".")
            }
            guard !address.isEmpty, scanner.consume(UInt8(ascii: "]")) else {
                throw SIPParseError(.malformedHeader, at: scanner.index, "malformed IPv6 reference in sent-by")
            }
        } else {
            _ = scanner.scan(while: SIPURI.isHostnameCharacter)
        }
        guard scanner.index > hostStart else {
            throw SIPParseError(.malformedHeader, at: scanner.index, "missing sent-by host (RFC 3261 §20.42)")
        }
        let host = scanner.string(hostStart..<scanner.index)
        var port: Int?
        if scanner.consumeSeparator(UInt8(ascii: ":")) {
            let digits = scanner.scan(while: SIPByteClass.isDigit)
            guard let value = scanner.decimal(digits, maximum: 65_535) else {
                throw SIPParseError(.malformedHeader, at: digits.lowerBound, "sent-by port is not 0–65535")
            }
            port = Int(value)
        }
        let parameters = try SIPParameters.parseHeaderParameters(&scanner)
        self.init(transport: scanner.string(transport), host: host, port: port, parameters: parameters)
        protocolName = scanner.string(name)
        protocolVersion = scanner.string(version)
    }
}
