extension MediaDescription {
    /// The attributes named `name`, in order.
    public func attributes(named name: String) -> [SDPAttribute] {
        attributes.filter { $0.name == name }
    }

    /// The value of the first attribute named `name` (nil when absent or when it has no value).
    public func attributeValue(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Whether a property attribute (or any attribute) named `name` is present.
    public func hasAttribute(_ name: String) -> Bool {
        attributes.contains { $0.name == name }
    }

    /// The direction attribute of this stream, if it has one (RFC 8866 §6.7); the first when several.
    /// ``SessionDescription/direction(for:)`` applies the session's default.
    public var direction: SDPDirection? { attributes.direction }

    /// a=ptime, the packet duration in milliseconds the sender of this description wants to receive
    /// (RFC 8866 §6.4); a fractional value is rounded down.
    public var ptime: Int? { attributeValue("ptime").flatMap(Self.milliseconds) }

    /// a=maxptime, the longest packet duration in milliseconds (RFC 8866 §6.5).
    public var maxptime: Int? { attributeValue("maxptime").flatMap(Self.milliseconds) }

    /// a=rtcp (RFC 3605), if present and valid.
    public var rtcp: SDPRTCPAttribute? { attributeValue("rtcp").flatMap { try? SDPRTCPAttribute(parsing: $0) } }

    /// a=rtcp-mux: RTP and RTCP share the port (RFC 5761 §5.1.1).
    public var rtcpMux: Bool { hasAttribute("rtcp-mux") }

    /// The a=crypto values (RFC 4568), as written: SRTP keys, which this package does not interpret.
    public var crypto: [String] { attributes(named: "crypto").compactMap(\.value) }

    /// Whether the transport is RTP without encryption: RTP/AVP or RTP/AVPF (RFC 3551, RFC 4585).
    public var isPlainRTP: Bool {
        let proto = proto.uppercased()
        return proto == "RTP/AVP" || proto == "RTP/AVPF"
    }

    private static func milliseconds(_ text: String) -> Int? {
        let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return SDPText.integer(whole, maximum: 100_000)
    }
}

extension [SDPAttribute] {
    /// The first direction attribute (RFC 8866 §6.7) among these.
    var direction: SDPDirection? {
        lazy.compactMap { $0.value == nil ? SDPDirection(rawValue: $0.name) : nil }.first
    }
}
