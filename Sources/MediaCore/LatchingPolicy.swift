/// Symmetric RTP ("comedia", RFC 4961; latching, RFC 7362 §4): a relay sends a leg's media to where that
/// leg's media comes from, not to the address in its SDP, so that a phone behind NAT, whose SDP names a
/// private address, still hears the other side.
///
/// The rule, applied by ``LatchedPeer`` to each packet arriving on a leg's socket:
/// 1. Before any packet, media for the leg goes to the SDP address (when there is one).
/// 2. The first packet latches its source: from then on media for the leg goes there.
/// 3. Packets from another source are dropped (and counted), unless the latched source has been silent for
///    at least ``relatchAfterSilence``; then the new source takes over (a NAT binding that changed, a phone
///    that moved from Wi-Fi to LTE).
/// 4. A new SDP address for the leg (a re-INVITE) starts over at 1; the same address again keeps the latch.
///
/// How others do it: Asterisk's `strictrtp=yes` learns the source from the first packets after the remote
/// address is set, then drops packets from anywhere else until the SDP changes (so a NAT rebinding breaks
/// audio until the next re-INVITE); rtpengine learns the endpoint from the first packets ("endpoint
/// learning", 3 s by default), keeps forwarding other sources unless `strict-source`, and switches only
/// with `media-handover`. Rule 3 sits between: a stream in use (a packet every 20 ms) cannot be taken over
/// by packets injected from elsewhere (the "RTP Bleed" attack on Asterisk, CVE-2017-14099), yet a source
/// that went quiet can be replaced without signalling. The price: during a long silence (a phone on hold
/// that stops sending) any source may latch; set ``relatchAfterSilence`` to `nil` for Asterisk's rule.
///
/// RTCP latches separately, on its own port, or on the RTP port with rtcp-mux (RFC 5761).
public struct LatchingPolicy: Hashable, Sendable {
    /// How long the latched source must have been silent before another one may take over; `nil`: never
    /// (only a new SDP address unlatches).
    public var relatchAfterSilence: Duration?

    /// Latching with re-latching after `relatchAfterSilence` (1 second by default: 50 packets of silence
    /// at 20 ms packetization, far longer than jitter, shorter than a listener's patience).
    public init(relatchAfterSilence: Duration? = .seconds(1)) {
        self.relatchAfterSilence = relatchAfterSilence
    }
}
