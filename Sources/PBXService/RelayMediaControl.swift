import CastorCore
import MediaCore
import MediaRelay
import PBXCore

/// The B2BUA's media control over the RTP relay: relay sessions for calls, each leg pointed at its phone's
/// SDP address (latching corrects it for phones behind NAT) with the translation its law needs.
///
/// Leg A of a relay session faces the caller, leg B the callee. A packet from the caller arrives on leg A
/// and leaves on leg B: the translation toward B maps the caller's payload types to the callee's, and
/// transcodes µ-law ↔ A-law when the legs agreed different laws.
final class RelayMediaControl: CallMediaControl, Sendable {
    let relay: MediaRelay
    let address: String

    init(relay: MediaRelay, address: String) {
        self.relay = relay
        self.address = address
    }

    func allocate() -> CallMediaPorts? {
        guard let session = try? relay.allocate() else { return nil }
        return CallMediaPorts(id: session.id.rawValue, address: address, a: session.a.rtp, b: session.b.rtp)
    }

    func connect(_ id: UInt64, a: CallMediaLeg, b: CallMediaLeg) {
        let session = MediaSession.ID(rawValue: id)
        relay.update(session, leg: .a, remote: Self.remote(a), sending: Self.translation(from: b, to: a))
        relay.update(session, leg: .b, remote: Self.remote(b), sending: Self.translation(from: a, to: b))
        relay.setDirection(session, leg: .a, sendToLeg: a.receives)
        relay.setDirection(session, leg: .b, sendToLeg: b.receives)
    }

    func allStatistics() -> [UInt64: CallMediaStatistics] {
        Dictionary(uniqueKeysWithValues: relay.allSessions().map { ($0.key.rawValue, Self.statistics($0.value)) })
    }

    func release(_ id: UInt64) -> CallMediaStatistics? {
        relay.release(MediaSession.ID(rawValue: id)).map(Self.statistics)
    }

    static func remote(_ leg: CallMediaLeg) -> MediaRemote {
        MediaRemote(
            address: leg.address, rtpPort: leg.rtpPort, rtcpAddress: leg.rtcpAddress,
            rtcpPort: leg.rtcpMux ? leg.rtpPort : leg.rtcpPort, rtcpMux: leg.rtcpMux)
    }

    /// What happens to packets from `source`'s phone on their way to `destination`'s: its audio payload
    /// type mapped to the destination's (transcoded across laws), its telephone-events renumbered when both
    /// legs agreed them (RFC 4733 is law-independent), anything else dropped.
    static func translation(from source: CallMediaLeg, to destination: CallMediaLeg) -> RTPTranslation {
        var translation = RTPTranslation()
        switch (source.law, destination.law) {
        case (.pcmu, .pcma): translation.transcode(source.payloadType, to: destination.payloadType, .muLawToALaw)
        case (.pcma, .pcmu): translation.transcode(source.payloadType, to: destination.payloadType, .aLawToMuLaw)
        default: translation.pass(source.payloadType, as: destination.payloadType)
        }
        if let incoming = source.telephoneEvent, let outgoing = destination.telephoneEvent {
            translation.pass(incoming, as: outgoing)
        }
        return translation
    }

    static func statistics(_ statistics: MediaSessionStatistics) -> CallMediaStatistics {
        func leg(_ leg: MediaLegStatistics) -> CallMediaStatistics.Leg {
            CallMediaStatistics.Leg(
                packetsReceived: leg.packetsReceived, packetsSent: leg.packetsSent, lost: Int(leg.lost),
                jitterMilliseconds: leg.jitterMilliseconds, lastReceived: leg.lastPacket,
                latched: leg.latchedSource?.description)
        }
        return CallMediaStatistics(a: leg(statistics.a), b: leg(statistics.b))
    }
}
