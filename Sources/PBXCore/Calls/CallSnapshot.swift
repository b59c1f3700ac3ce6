import CastorCore

/// A call as `core show calls` and `core show channels` show it.
public struct CallSnapshot: Sendable, Equatable {
    public var id: UInt64
    public var caller: String
    public var callerLine: String
    public var callee: String
    public var calleeLine: String
    public var callerContext: String
    public var calleeContext: String
    /// `Ringing`, `Up`, … (Asterisk's channel states).
    public var state: String
    /// Seconds since the INVITE, and since the answer.
    public var age: Double
    public var answeredFor: Double?
    public var callerCodec: String?
    public var calleeCodec: String?
    public var mediaID: UInt64
    public var relayAddress: String
    public var callerRelayPort: Int
    public var calleeRelayPort: Int
    public var callerRemote: String?
    public var calleeRemote: String?
    public var callerOnHold: Bool
    public var calleeOnHold: Bool
}

extension SIPEndpoint {
    /// The calls in progress, oldest first.
    public func callSnapshots(now: MonotonicInstant) -> [CallSnapshot] {
        calls.values.filter { $0.state != .ended }.sorted { $0.id < $1.id }.map { call in
            let state: String
            switch call.state {
            case .trying: state = "Dialing"
            case .ringing: state = "Ringing"
            case .answered, .confirmed: state = "Up"
            case .ended: state = "Down"
            }
            return CallSnapshot(
                id: call.id, caller: call.caller.exten ?? call.caller.username, callerLine: call.caller.username,
                callee: call.dialled, calleeLine: call.callee.username, callerContext: call.caller.context,
                calleeContext: call.calleeContext, state: state, age: (now - call.startedMono).seconds,
                answeredFor: call.answeredMono.map { (now - $0).seconds }, callerCodec: call.codecA,
                calleeCodec: call.codecB, mediaID: call.media.id, relayAddress: call.media.address,
                callerRelayPort: call.media.a, calleeRelayPort: call.media.b,
                callerRemote: call.mediaA.map { "\($0.address):\($0.rtpPort)" },
                calleeRemote: call.mediaB.map { "\($0.address):\($0.rtpPort)" }, callerOnHold: call.callerOnHold,
                calleeOnHold: call.calleeOnHold)
        }
    }
}
