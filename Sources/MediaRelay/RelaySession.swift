import CastorCore
import MediaCore

/// A session as its relay thread holds it: the four sockets and each leg's peer, translation and counters.
///
/// Created with its sockets by ``MediaRelay/allocate()`` on the caller's thread, then handed to one relay
/// thread through its command queue; from then on only that thread touches it, so nothing here is locked.
final class RelaySession: @unchecked Sendable {
    let id: MediaSession.ID
    let ports: MediaSession
    var a: RelayLeg
    var b: RelayLeg
    /// The epoll tokens of the four sockets, once the relay thread watches them.
    var tokens: [UInt64] = []

    init(ports: MediaSession, a: RelayLeg, b: RelayLeg) {
        self.id = ports.id
        self.ports = ports
        self.a = a
        self.b = b
    }

    /// The four descriptors, for epoll and for closing.
    var sockets: [(socket: Int32, leg: MediaLeg, isRTCP: Bool)] {
        [(a.rtpSocket, .a, false), (a.rtcpSocket, .a, true), (b.rtpSocket, .b, false), (b.rtcpSocket, .b, true)]
    }

    subscript(leg: MediaLeg) -> RelayLeg {
        get { leg == .a ? a : b }
        set {
            if leg == .a { a = newValue } else { b = newValue }
        }
    }

    var statistics: MediaSessionStatistics { MediaSessionStatistics(a: a.statistics, b: b.statistics) }

    /// Forwards a received batch from one of `leg`'s sockets toward the other leg, in place.
    func forward(
        _ batch: DatagramBatch, count: Int, arrivedOn leg: MediaLeg, isRTCPSocket: Bool, at now: MonotonicInstant,
        policy: LatchingPolicy
    ) {
        switch leg {
        case .a:
            RelayLeg.forward(batch, count: count, from: &a, to: &b, isRTCPSocket: isRTCPSocket, at: now, policy: policy)
        case .b:
            RelayLeg.forward(batch, count: count, from: &b, to: &a, isRTCPSocket: isRTCPSocket, at: now, policy: policy)
        }
    }
}

/// One leg of a session, owned by its relay thread.
struct RelayLeg {
    let rtpSocket: Int32
    let rtcpSocket: Int32
    /// Where this leg's RTP goes: SDP address, then latched source.
    var rtpPeer = LatchedPeer()
    /// Where this leg's RTCP goes.
    var rtcpPeer = LatchedPeer()
    var rtcpMux = false
    /// Whether packets from the other leg are forwarded to this one (false: on hold).
    var sending = true
    /// How packets from the other leg are rewritten before they are sent to this one.
    var translation = RTPTranslation.passThrough
    /// The RTP this leg's phone sends.
    var stream = RTPStreamStatistics()
    /// Counters (the stream-derived fields are filled in by ``statistics``).
    var counters = MediaLegStatistics()

    init(rtpSocket: Int32, rtcpSocket: Int32) {
        self.rtpSocket = rtpSocket
        self.rtcpSocket = rtcpSocket
    }

    /// Applies the SDP of ``MediaRelay/update(_:leg:remote:sending:)``.
    mutating func update(remote: MediaRemote, translation: RTPTranslation) {
        rtpPeer.expect(remote.rtp)
        rtcpPeer.expect(remote.rtcpMux ? remote.rtp : remote.rtcp)
        rtcpMux = remote.rtcpMux
        self.translation = translation
    }

    var statistics: MediaLegStatistics {
        var statistics = counters
        statistics.lost = stream.cumulativeLost
        statistics.expected = stream.expected
        statistics.jitterMilliseconds = stream.jitterMilliseconds()
        statistics.latchedSource = rtpPeer.latched
        statistics.latchedRTCPSource = rtcpPeer.latched
        return statistics
    }

    /// Where this leg's RTCP goes and through which socket: with rtcp-mux, the RTP port both ways (and, until
    /// RTCP latches, wherever RTP is latched).
    var rtcpRoute: (socket: Int32, destination: MediaEndpoint?) {
        if rtcpMux { return (rtpSocket, rtcpPeer.latched ?? rtpPeer.destination) }
        return (rtcpSocket, rtcpPeer.destination)
    }
}
