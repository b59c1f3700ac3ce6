import CastorCore

/// Where a relay sends one leg's RTP (or RTCP): the SDP address until a packet arrives, then the source of
/// what arrives, by the rules of ``LatchingPolicy``.
///
/// ```swift
/// var peer = LatchedPeer(expected: sdpAddress)
/// peer.destination                                          // the SDP address
/// peer.admit(source, at: now, policy: policy)              // .latched: the first packet
/// peer.destination                                          // source
/// peer.admit(stranger, at: now + .milliseconds(20), policy: policy)   // .rejected
/// ```
public struct LatchedPeer: Hashable, Sendable {
    /// The address from SDP (`nil`: not known, or 0.0.0.0).
    public private(set) var expected: MediaEndpoint?
    /// The source media is latched to, once a packet arrived.
    public private(set) var latched: MediaEndpoint?
    /// When a packet from the latched source last arrived.
    public private(set) var lastHeard: MonotonicInstant?

    public init(expected: MediaEndpoint? = nil) {
        self.expected = expected
    }

    /// Where to send: the latched source, else the SDP address; `nil` when neither is known.
    public var destination: MediaEndpoint? { latched ?? expected }

    /// What ``admit(_:at:policy:)`` decided about a packet.
    public enum Verdict: Hashable, Sendable {
        /// From the latched source.
        case accepted
        /// The first packet: its source is now the destination.
        case latched
        /// A new source took over from one silent for long enough.
        case relatched(previous: MediaEndpoint)
        /// From another source while the latched one is active: drop.
        case rejected
    }

    /// Decides whether a packet from `source`, arriving at `now`, is the leg's media.
    public mutating func admit(_ source: MediaEndpoint, at now: MonotonicInstant, policy: LatchingPolicy) -> Verdict {
        guard let current = latched else {
            latched = source
            lastHeard = now
            return .latched
        }
        if current == source {
            lastHeard = now
            return .accepted
        }
        guard let silence = policy.relatchAfterSilence, let lastHeard, now - lastHeard >= silence else {
            return .rejected
        }
        latched = source
        self.lastHeard = now
        return .relatched(previous: current)
    }

    /// Sets the SDP address. A different one (a re-INVITE moving the media) unlatches; the same one again (a
    /// session refresh, a re-INVITE for hold) keeps the latch, so a phone behind NAT keeps its audio.
    public mutating func expect(_ address: MediaEndpoint?) {
        guard address != expected else { return }
        expected = address
        latched = nil
        lastHeard = nil
    }
}
