extension SessionDescription {
    /// The session-level direction attribute, if any (RFC 8866 §6.7).
    public var direction: SDPDirection? { attributes.direction }

    /// The direction of `stream`: its own attribute, else the session's, else sendrecv (RFC 8866 §6.7).
    public func direction(for stream: MediaDescription) -> SDPDirection {
        stream.direction ?? direction ?? .sendrecv
    }

    /// Where `stream`'s media goes: its own c= line, else the session's (RFC 8866 §5.7).
    public func connection(for stream: MediaDescription) -> SDPConnection? {
        stream.connection ?? connection
    }

    /// Whether this description puts `stream` on hold: direction sendonly or inactive (RFC 3264 §8.4), or
    /// the RFC 2543 style connection address 0.0.0.0, which older phones still send.
    public func isOnHold(_ stream: MediaDescription) -> Bool {
        let direction = direction(for: stream)
        return direction == .sendonly || direction == .inactive || connection(for: stream)?.isHoldAddress == true
    }

    /// The session attributes named `name`, in order.
    public func attributes(named name: String) -> [SDPAttribute] {
        attributes.filter { $0.name == name }
    }
}
