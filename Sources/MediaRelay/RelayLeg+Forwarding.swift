import CastorCore
import MediaCore

extension RelayLeg {
    /// The per-packet work of the relay, for a batch received on one of `source`'s sockets: demultiplex
    /// (RFC 5761 §4), parse, latch (``LatchingPolicy``), count, translate in place (``RTPTranslation``), and
    /// send to `destination` in one sendmmsg per socket. Every drop is counted on `source`.
    static func forward(
        _ batch: DatagramBatch, count: Int, from source: inout RelayLeg, to destination: inout RelayLeg,
        isRTCPSocket: Bool, at now: MonotonicInstant, policy: LatchingPolicy
    ) {
        // RTP clock for jitter (RFC 3550 A.8): 8 kHz, read once per batch.
        let arrivalTimestamp = UInt32(truncatingIfNeeded: now.nanoseconds / 125_000)
        for index in 0..<count {
            let packet = batch.bytes(index)
            guard !batch.isTruncated(index) else {
                source.counters.dropped.malformed += 1
                continue
            }
            let kind = MediaPacketKind(classifying: UnsafeRawBufferPointer(packet))
            let from = batch.source(index)
            switch (kind, isRTCPSocket) {
            case (.rtcp, _):
                guard source.admitRTCP(packet, from: from, at: now, policy: policy) else { continue }
                let route = destination.rtcpRoute
                guard let address = route.destination else {
                    source.counters.dropped.noDestination += 1
                    continue
                }
                batch.send(index, through: route.socket, to: address, isRTCP: true)
            case (.rtp, false):
                guard
                    let header = source.admitRTP(
                        packet, from: from, at: now, arrivalTimestamp: arrivalTimestamp, policy: policy)
                else { continue }
                guard destination.sending else {
                    source.counters.dropped.onHold += 1
                    continue
                }
                guard let address = destination.rtpPeer.destination else {
                    source.counters.dropped.noDestination += 1
                    continue
                }
                guard destination.translation.apply(to: packet, header: header) == .forward else {
                    source.counters.dropped.payloadType += 1
                    continue
                }
                batch.send(index, through: destination.rtpSocket, to: address, isRTCP: false)
            case (.rtp, true), (.other, _):
                source.counters.dropped.malformed += 1
            }
        }
        let tally = batch.flush()
        destination.counters.packetsSent += tally.rtpPackets
        destination.counters.bytesSent += tally.rtpBytes
        destination.counters.rtcpPacketsSent += tally.rtcpPackets
        source.counters.dropped.sendFailed += tally.failed
    }

    /// Parses, latches and counts an RTP packet from this leg's phone; `nil` when it is dropped.
    private mutating func admitRTP(
        _ packet: UnsafeMutableRawBufferPointer, from address: MediaEndpoint, at now: MonotonicInstant,
        arrivalTimestamp: UInt32, policy: LatchingPolicy
    ) -> RTPHeader? {
        guard let header = try? RTPHeader(parsing: UnsafeRawBufferPointer(packet)) else {
            counters.dropped.malformed += 1
            return nil
        }
        guard rtpPeer.admit(address, at: now, policy: policy) != .rejected else {
            counters.dropped.foreignSource += 1
            return nil
        }
        counters.packetsReceived += 1
        counters.bytesReceived += packet.count
        counters.lastPacket = now
        stream.record(header, packetLength: packet.count, arrival: now, arrivalTimestamp: arrivalTimestamp)
        return header
    }

    /// Checks, latches and counts an RTCP packet from this leg's phone; false when it is dropped.
    private mutating func admitRTCP(
        _ packet: UnsafeMutableRawBufferPointer, from address: MediaEndpoint, at now: MonotonicInstant,
        policy: LatchingPolicy
    ) -> Bool {
        guard RTCPHeader(parsing: UnsafeRawBufferPointer(packet)) != nil else {
            counters.dropped.malformed += 1
            return false
        }
        guard rtcpPeer.admit(address, at: now, policy: policy) != .rejected else {
            counters.dropped.foreignSource += 1
            return false
        }
        counters.rtcpPacketsReceived += 1
        counters.lastPacket = now
        return true
    }
}
