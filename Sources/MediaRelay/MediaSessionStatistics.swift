import CastorCore
import MediaCore

/// What the relay counted for a session, per leg: for `core show channels`, CDRs and tests.
public struct MediaSessionStatistics: Hashable, Sendable {
    public var a: MediaLegStatistics
    public var b: MediaLegStatistics

    public init(a: MediaLegStatistics, b: MediaLegStatistics) {
        self.a = a
        self.b = b
    }

    public subscript(leg: MediaLeg) -> MediaLegStatistics { leg == .a ? a : b }
}

/// One leg's counters. "Received" is what the leg's phone sent to the relay; "sent" is what the relay sent
/// to that phone. Loss and jitter are RFC 3550 Appendix A.3 and A.8 over the RTP the leg received
/// (``RTPStreamStatistics``), jitter converted at 8 kHz (G.711, telephone-event, comfort noise).
public struct MediaLegStatistics: Hashable, Sendable {
    /// RTP packets and bytes (UDP payload) accepted from the leg's phone.
    public var packetsReceived = 0
    public var bytesReceived = 0
    /// RTP packets and bytes the relay sent to the leg's phone.
    public var packetsSent = 0
    public var bytesSent = 0
    public var rtcpPacketsReceived = 0
    public var rtcpPacketsSent = 0
    /// Packets lost and expected from the leg's phone (RFC 3550 A.3; lost is negative for duplicates).
    public var lost: Int64 = 0
    public var expected: Int64 = 0
    /// Interarrival jitter of what the leg's phone sends, in milliseconds (RFC 3550 A.8).
    public var jitterMilliseconds: Double = 0
    /// The source the leg's RTP (and RTCP) is latched to: where the relay sends media for the leg.
    public var latchedSource: MediaEndpoint?
    public var latchedRTCPSource: MediaEndpoint?
    /// When the last RTP or RTCP packet from the leg's phone arrived (the relay's monotonic clock).
    public var lastPacket: MonotonicInstant?
    /// Datagrams from the leg's phone that were not forwarded, by reason.
    public var dropped = Drops()

    public init() {}

    /// Why datagrams arriving on a leg were not forwarded.
    public struct Drops: Hashable, Sendable {
        /// Not RTP or RTCP (too short, version not 2, STUN, DTLS, larger than the relay's buffers).
        public var malformed = 0
        /// From a source other than the latched one (``LatchingPolicy``).
        public var foreignSource = 0
        /// The other leg has no address yet (no SDP, nothing latched): nothing is buffered.
        public var noDestination = 0
        /// The other leg is on hold (``MediaRelay/setDirection(_:leg:sendToLeg:)``).
        public var onHold = 0
        /// A payload type the other leg's ``RTPTranslation`` does not forward.
        public var payloadType = 0
        /// The kernel refused to send (buffer full, unreachable).
        public var sendFailed = 0

        public init() {}

        public var total: Int { malformed + foreignSource + noDestination + onHold + payloadType + sendFailed }
    }
}
