import DHCPCodec
import DHCPLeaseEngine
import DHCPLeases
import DHCPTransport
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension DHCPServer {
    /// A reply waiting for the batch's lease write.
    private struct PendingReply {
        var datagram: DHCPOutgoingDatagram
        var type: DHCPMessageType?
        /// Whether a `.persist` came before it: then it leaves only if the write succeeded.
        var needsPersist: Bool
    }

    /// One read cycle's datagrams: engine actions in order, every lease row of the batch written with one
    /// `append` before the first reply leaves (group commit; notes/kea-dhcp.md §3: the row before the ACK).
    func handle(_ batch: [DHCPReceivedDatagram]) {
        let now = Int64(time(nil))
        var rows: [Lease] = []
        var replies: [PendingReply] = []
        for datagram in batch {
            let packet: DHCPMessage
            do {
                packet = try DHCPMessage(parsing: datagram.bytes)
            } catch {
                statistics.countParseFailure()
                logger.debug(
                    "DHCP4_PACKET_PARSE_FAIL malformed packet dropped",
                    metadata: [
                        "net.source": "\(datagram.sourceAddress):\(datagram.sourcePort)", "dhcp.error": "\(error)",
                    ])
                continue
            }
            statistics.count(received: packet.messageType)
            let source = LeaseEngine.PacketSource(
                address: datagram.sourceAddress, port: datagram.sourcePort, interface: datagram.interface)
            var persisted = false
            for action in engine.handle(packet, from: source, now: now) {
                switch action {
                case .persist(let leases):
                    rows += leases
                    persisted = true
                case .send(let reply, let destination):
                    guard let outgoing = serialize(reply, to: destination, answering: packet, via: datagram.socket)
                    else { continue }
                    replies.append(PendingReply(datagram: outgoing, type: reply.messageType, needsPersist: persisted))
                case .drop(let reason):
                    statistics.countDrop()
                    logger.debug(
                        "DHCP4_PACKET_DROP packet dropped",
                        metadata: [
                            "dhcp.reason": "\(reason)", "dhcp.mac": "\(HexBytes.colonSeparated(packet.chaddr))",
                            "dhcp.xid": "\(packet.xid)",
                        ])
                }
            }
        }
        let written = persist(rows)
        var outgoing: [DHCPOutgoingDatagram] = []
        outgoing.reserveCapacity(replies.count)
        for reply in replies where written || !reply.needsPersist {
            statistics.count(sent: reply.type)
            outgoing.append(reply.datagram)
        }
        transport.send(outgoing)
    }

    /// Appends rows to the lease file; false (logged) when the write failed, so the ACKs that depend on it
    /// are not sent (Kea sends no ACK when the lease cannot be stored; the client retries).
    func persist(_ rows: [Lease]) -> Bool {
        guard !rows.isEmpty, let leaseFile else { return true }
        do {
            try leaseFile.append(rows)
            if logger.logLevel <= .debug {
                for row in rows {
                    logger.debug(
                        "DHCP4_LEASE_ALLOC lease stored",
                        metadata: [
                            "dhcp.address": "\(row.address)",
                            "dhcp.mac": "\(HexBytes.colonSeparated(row.hardwareAddress))",
                            "dhcp.valid_lifetime": "\(row.validLifetime)",
                        ])
                }
            }
            return true
        } catch {
            logger.error(
                "DHCPSRV_MEMFILE_WRITE_FAIL cannot store leases; their replies are not sent",
                metadata: ["dhcp.error": "\(error)", "dhcp.rows": "\(rows.count)"])
            return false
        }
    }

    /// The reply's bytes and destination. A unicast to `yiaddr` at the client's MAC goes through the socket's
    /// packet socket (`dhcp-socket-type: raw`); where there is none (UDP sockets, relays only, no CAP_NET_RAW)
    /// it becomes a broadcast, as Kea does when direct responses are unsupported. `-P` overrides every
    /// destination port.
    private func serialize(
        _ reply: DHCPMessage, to destination: LeaseEngine.Destination, answering request: DHCPMessage,
        via socket: DHCPSocketID
    ) -> DHCPOutgoingDatagram? {
        let bytes: [UInt8]
        do {
            bytes = try reply.serialized(maximumMessageSize: request.maximumMessageSize ?? 576)
        } catch {
            statistics.countDrop()
            logger.error(
                "DHCP4_PACKET_PACK_FAIL cannot serialize the reply",
                metadata: ["dhcp.error": "\(error)", "dhcp.mac": "\(HexBytes.colonSeparated(request.chaddr))"])
            return nil
        }
        let port = options.clientPort ?? destination.port
        if let mac = destination.hardwareAddress, !destination.broadcast, transport.canSendDirectly(via: socket) {
            return DHCPOutgoingDatagram(
                bytes: bytes, address: destination.address, port: port, socket: socket, hardwareAddress: mac)
        }
        let broadcast = destination.broadcast || destination.hardwareAddress != nil
        return DHCPOutgoingDatagram(
            bytes: bytes, address: broadcast ? .broadcast : destination.address,
            port: port, socket: socket)
    }
}
