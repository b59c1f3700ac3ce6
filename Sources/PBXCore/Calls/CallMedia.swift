import CastorCore

/// The media relay as the B2BUA sees it: port pairs for the two legs of a call, where each leg's audio goes
/// and in which law, and the counters at the end. The service implements it over the RTP relay; tests over
/// a recorder. Calls come from the PBX's event loop; an implementation must not block it (allocation binds
/// two socket pairs, nothing more).
public protocol CallMediaControl: AnyObject, Sendable {
    /// Two port pairs (RTP even, RTCP odd) from the configured range; nil when it is exhausted.
    func allocate() -> CallMediaPorts?
    /// Where each leg's audio goes, in which codec, and whether it may be sent (hold). Called when the call
    /// is answered and again after each re-INVITE.
    func connect(_ id: UInt64, a: CallMediaLeg, b: CallMediaLeg)
    /// The counters of every session at once (for `core show channels` and the RTP timeout): one round trip
    /// to the relay, however many calls.
    func allStatistics() -> [UInt64: CallMediaStatistics]
    /// Frees the ports; returns the final counters (for the CDR).
    func release(_ id: UInt64) -> CallMediaStatistics?
}

/// The relay's ports for one call: leg A faces the caller, leg B the callee.
public struct CallMediaPorts: Sendable, Equatable {
    public var id: UInt64
    public var address: String
    public var a: Int
    public var b: Int

    public init(id: UInt64, address: String, a: Int, b: Int) {
        self.id = id
        self.address = address
        self.a = a
        self.b = b
    }
}

/// One leg's side of the relay: the phone's RTP address from its SDP (latching may correct it), the codec
/// and payload types the leg agreed, and whether audio may flow toward the phone.
public struct CallMediaLeg: Sendable, Equatable {
    /// G.711's two laws: the codecs the relay carries (and translates between).
    public enum Law: String, Sendable, Equatable {
        case pcmu = "PCMU"
        case pcma = "PCMA"
    }

    public var address: String
    public var rtpPort: Int
    public var rtcpAddress: String
    public var rtcpPort: Int
    public var rtcpMux: Bool
    public var law: Law
    public var payloadType: UInt8
    /// RFC 4733 telephone-event's payload type on this leg, when agreed.
    public var telephoneEvent: UInt8?
    /// False while the phone put the call on hold (it does not want our audio).
    public var receives: Bool

    public init(
        address: String, rtpPort: Int, rtcpAddress: String, rtcpPort: Int, rtcpMux: Bool, law: Law,
        payloadType: UInt8, telephoneEvent: UInt8?, receives: Bool
    ) {
        self.address = address
        self.rtpPort = rtpPort
        self.rtcpAddress = rtcpAddress
        self.rtcpPort = rtcpPort
        self.rtcpMux = rtcpMux
        self.law = law
        self.payloadType = payloadType
        self.telephoneEvent = telephoneEvent
        self.receives = receives
    }
}

/// What the relay counted for one call, per leg (received from that leg's phone).
public struct CallMediaStatistics: Sendable, Equatable {
    public struct Leg: Sendable, Equatable {
        public var packetsReceived: Int
        public var packetsSent: Int
        public var lost: Int
        public var jitterMilliseconds: Double
        /// When the last RTP packet came from the phone (nil: none yet).
        public var lastReceived: MonotonicInstant?
        /// The address the leg latched onto (`198.51.100.7:4000`), if any.
        public var latched: String?

        public init(
            packetsReceived: Int = 0, packetsSent: Int = 0, lost: Int = 0, jitterMilliseconds: Double = 0,
            lastReceived: MonotonicInstant? = nil, latched: String? = nil
        ) {
            self.packetsReceived = packetsReceived
            self.packetsSent = packetsSent
            self.lost = lost
            self.jitterMilliseconds = jitterMilliseconds
            self.lastReceived = lastReceived
            self.latched = latched
        }
    }

    public var a: Leg
    public var b: Leg

    public init(a: Leg = Leg(), b: Leg = Leg()) {
        self.a = a
        self.b = b
    }
}
