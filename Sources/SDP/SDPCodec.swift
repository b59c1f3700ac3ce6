/// An RTP payload format as an rtpmap attribute names it (RFC 8866 §6.6, RFC 3551 §6): encoding name, clock
/// rate and, for audio, the number of channels.
///
/// ```
/// a=rtpmap:96 opus/48000/2
///             \__/ \___/ \
///             name  rate  channels (1 when absent)
/// ```
///
/// Names are compared case-insensitively (RFC 4855 §3: media subtype names are), so `PCMU/8000` equals
/// `pcmu/8000`; ``name`` keeps the spelling it was given.
public struct SDPCodec: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    /// Samples (RTP timestamp units) per second.
    public var clockRate: Int
    /// Audio channels; 1 when the rtpmap gives none.
    public var channels: Int

    public init(name: String, clockRate: Int, channels: Int = 1) {
        self.name = name
        self.clockRate = clockRate
        self.channels = channels
    }

    /// Parses an rtpmap encoding: `name/clock-rate[/parameters]`.
    public init(parsing text: String) throws(SDPParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty,
            !parts[0].contains(" "), let rate = SDPText.integer(parts[1], maximum: Int(Int32.max)), rate > 0
        else {
            throw SDPParseError(.invalidRTPMap, text: text, "expected encoding/clock-rate[/channels] (RFC 8866 §6.6)")
        }
        var channels = 1
        if parts.count == 3 {
            guard let count = SDPText.integer(parts[2], maximum: 255), count > 0 else {
                throw SDPParseError(.invalidRTPMap, text: text, "the channel count is not a number (RFC 8866 §6.6)")
            }
            channels = count
        }
        self.init(name: String(parts[0]), clockRate: rate, channels: channels)
    }

    /// G.711 µ-law (RFC 3551 §4.5.14), static payload type 0.
    public static let pcmu = SDPCodec(name: "PCMU", clockRate: 8000)
    /// G.711 A-law (RFC 3551 §4.5.14), static payload type 8.
    public static let pcma = SDPCodec(name: "PCMA", clockRate: 8000)
    /// G.722, static payload type 9; its RTP clock is 8000 though it samples at 16 kHz (RFC 3551 §4.5.2).
    public static let g722 = SDPCodec(name: "G722", clockRate: 8000)
    /// G.729, static payload type 18 (RFC 3551 §4.5.6).
    public static let g729 = SDPCodec(name: "G729", clockRate: 8000)
    /// Comfort noise (RFC 3389), static payload type 13 at 8000.
    public static let comfortNoise = SDPCodec(name: "CN", clockRate: 8000)
    /// DTMF digits and telephony events at 8000 (RFC 4733 §7.1.1).
    public static let telephoneEvent = SDPCodec(name: "telephone-event", clockRate: 8000)
    /// Opus (RFC 7587 §7: always `opus/48000/2` in SDP).
    public static let opus = SDPCodec(name: "opus", clockRate: 48000, channels: 2)

    /// Whether this is RFC 4733 telephone-event, at any clock rate.
    public var isTelephoneEvent: Bool { name.uppercased() == "TELEPHONE-EVENT" }
    /// Whether this is RFC 3389 comfort noise, at any clock rate.
    public var isComfortNoise: Bool { name.uppercased() == "CN" }

    /// The rtpmap encoding: `name/rate`, with `/channels` when more than one.
    public var description: String {
        channels == 1 ? "\(name)/\(clockRate)" : "\(name)/\(clockRate)/\(channels)"
    }

    public static func == (lhs: SDPCodec, rhs: SDPCodec) -> Bool {
        lhs.clockRate == rhs.clockRate && lhs.channels == rhs.channels && lhs.name.uppercased() == rhs.name.uppercased()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name.uppercased())
        hasher.combine(clockRate)
        hasher.combine(channels)
    }
}
