import CastorCore
import Testing

@testable import MediaCore

/// Symmetric RTP: latch on the first packet, re-latch only after silence, unlatch on a new SDP address.
@Suite struct LatchingTests {
    let sdp = MediaEndpoint(address: "192.0.2.10", port: 4000)
    let natted = MediaEndpoint(address: "198.51.100.7", port: 31_000)!
    let stranger = MediaEndpoint(address: "203.0.113.66", port: 5000)!
    let policy = LatchingPolicy()
    let start = MonotonicInstant.seconds(100)

    @Test func theSDPAddressUntilTheFirstPacket() {
        var peer = LatchedPeer(expected: sdp)
        #expect(peer.destination == sdp)
        #expect(peer.admit(natted, at: start, policy: policy) == .latched)
        #expect(peer.destination == natted && peer.latched == natted)
        #expect(peer.admit(natted, at: start + .milliseconds(20), policy: policy) == .accepted)
        #expect(peer.lastHeard == start + .milliseconds(20))
    }

    @Test func withoutSDPAddressNothingUntilAPacket() {
        var peer = LatchedPeer()
        #expect(peer.destination == nil)
        #expect(peer.admit(natted, at: start, policy: policy) == .latched)
        #expect(peer.destination == natted)
    }

    @Test func anotherSourceIsRejectedWhileTheLatchedOneTalks() {
        var peer = LatchedPeer(expected: sdp)
        _ = peer.admit(natted, at: start, policy: policy)
        for index in 1...100 {
            let now = start + .milliseconds(20 * index)
            #expect(peer.admit(natted, at: now, policy: policy) == .accepted)
            #expect(peer.admit(stranger, at: now + .milliseconds(5), policy: policy) == .rejected)
        }
        #expect(peer.destination == natted)
    }

    @Test func anotherSourceTakesOverAfterSilence() {
        var peer = LatchedPeer(expected: sdp)
        _ = peer.admit(natted, at: start, policy: policy)
        #expect(peer.admit(stranger, at: start + .milliseconds(999), policy: policy) == .rejected)
        #expect(peer.admit(stranger, at: start + .seconds(1), policy: policy) == .relatched(previous: natted))
        #expect(peer.destination == stranger)
        #expect(peer.admit(natted, at: start + .milliseconds(1020), policy: policy) == .rejected)
    }

    @Test func strictPolicyNeverRelatches() {
        let strict = LatchingPolicy(relatchAfterSilence: nil)
        var peer = LatchedPeer(expected: sdp)
        _ = peer.admit(natted, at: start, policy: strict)
        #expect(peer.admit(stranger, at: start + .seconds(3600), policy: strict) == .rejected)
    }

    @Test func theSameSDPKeepsTheLatchANewOneResetsIt() {
        var peer = LatchedPeer(expected: sdp)
        _ = peer.admit(natted, at: start, policy: policy)
        peer.expect(sdp)  // a re-INVITE for hold, same address
        #expect(peer.destination == natted)
        let moved = MediaEndpoint(address: "192.0.2.11", port: 4002)
        peer.expect(moved)
        #expect(peer.latched == nil && peer.destination == moved)
        #expect(peer.admit(stranger, at: start + .milliseconds(20), policy: policy) == .latched)
    }

    @Test func endpointsFromText() {
        #expect(MediaEndpoint(address: "127.0.0.1", port: 10_000)?.description == "127.0.0.1:10000")
        #expect(MediaEndpoint(address: "0.0.0.0", port: 4000) == nil)  // RFC 3264 §8.4 hold
        #expect(MediaEndpoint(address: "192.0.2.1", port: 0) == nil)
        #expect(MediaEndpoint(address: "192.0.2.1", port: 70_000) == nil)
        #expect(MediaEndpoint(address: "phone.example", port: 4000) == nil)
    }
}
