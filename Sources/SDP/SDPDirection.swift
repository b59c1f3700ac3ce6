/// The direction of a stream (RFC 8866 §6.7, RFC 3264 §5.1, §6.1), from the point of view of the party whose
/// description carries the attribute.
///
/// ```
/// a=sendrecv   a=sendonly   a=recvonly   a=inactive
/// ```
///
/// Resolution (RFC 8866 §6.7): the media-level attribute, else the session-level one, else sendrecv; see
/// ``SessionDescription/direction(for:)``.
public enum SDPDirection: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case sendrecv
    case sendonly
    case recvonly
    case inactive

    public init(sends: Bool, receives: Bool) {
        switch (sends, receives) {
        case (true, true): self = .sendrecv
        case (true, false): self = .sendonly
        case (false, true): self = .recvonly
        case (false, false): self = .inactive
        }
    }

    /// Whether the party may send media.
    public var sends: Bool { self == .sendrecv || self == .sendonly }
    /// Whether the party wants to receive media.
    public var receives: Bool { self == .sendrecv || self == .recvonly }

    /// The direction the other party has for this one: what an answerer puts for an offered direction when
    /// it agrees to it (RFC 3264 §6.1: sendonly is answered recvonly, recvonly sendonly, the others as such).
    public var reversed: SDPDirection { SDPDirection(sends: receives, receives: sends) }

    /// What both allow: sending when both allow it, receiving when both want it.
    public func intersection(_ other: SDPDirection) -> SDPDirection {
        SDPDirection(sends: sends && other.sends, receives: receives && other.receives)
    }

    /// The attribute that states this direction.
    public var attribute: SDPAttribute { SDPAttribute(name: rawValue) }

    public var description: String { rawValue }
}
