/// A relayed media session: two legs, each with an RTP port and an RTCP port of the relay, which the
/// B2BUA writes into the SDP it sends to that leg's phone (`m=audio <rtp>`, `a=rtcp:<rtcp>`, RFC 3605).
///
/// ```swift
/// let session = try relay.allocate()
/// session.a.rtp        // 10000: the port phone A sends its RTP to (in the SDP sent to A)
/// session.b.rtp        // 10002: the port phone B sends its RTP to
/// ```
public struct MediaSession: Hashable, Sendable {
    /// Identifies a session for ``MediaRelay/update(_:leg:remote:sending:)`` and the other calls.
    public struct ID: Hashable, Sendable, Comparable, CustomStringConvertible {
        public let rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
        public var description: String { "media-\(rawValue)" }
    }

    public var id: ID
    public var a: MediaLegPorts
    public var b: MediaLegPorts

    public init(id: ID, a: MediaLegPorts, b: MediaLegPorts) {
        self.id = id
        self.a = a
        self.b = b
    }

    /// The ports of `leg`.
    public subscript(leg: MediaLeg) -> MediaLegPorts { leg == .a ? a : b }
}

/// One side of a relayed call: `.a` faces one phone (the caller, by convention), `.b` the other.
public enum MediaLeg: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case a
    case b

    /// The leg on the other side of the relay.
    public var other: MediaLeg { self == .a ? .b : .a }

    public var description: String { self == .a ? "a" : "b" }
}

/// The relay's ports for one leg: RTP on an even port, RTCP on the next (RFC 3550 §11).
public struct MediaLegPorts: Hashable, Sendable {
    public var rtp: Int
    public var rtcp: Int

    public init(rtp: Int, rtcp: Int) {
        self.rtp = rtp
        self.rtcp = rtcp
    }
}
