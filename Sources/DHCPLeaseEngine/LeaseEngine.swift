import DHCPCodec
import DHCPLeases
import KeaConfig

/// The DHCPv4 server's logic, as a state machine: packets and clock ticks in, ``Action``s out (DESIGN.md §3).
///
/// It answers as Kea 2.2's `kea-dhcp4` does with the same `kea-dhcp4.conf` (notes/kea-dhcp.md §2 and §5):
/// DISCOVER → OFFER (nothing stored), REQUEST → ACK after the lease is persisted, or NAK, or silence;
/// DECLINE, RELEASE, INFORM. It never reads a clock (`now` is an input, epoch seconds) and never does I/O.
///
/// ```swift
/// var engine = LeaseEngine(configuration: config, leases: loaded, serverAddress: IPv4Address(10, 20, 0, 1))
/// for action in engine.handle(packet, from: source, now: clock.now) {
///     switch action {
///     case .persist(let rows): try store.append(rows)          // durable before the send that follows
///     case .send(let reply, let destination): transport.send(reply, to: destination)
///     case .drop(let reason): log.debug("dropped", metadata: ["dhcp.reason": "\(reason)"])
///     }
/// }
/// ```
public struct LeaseEngine: Sendable {
    var configuration: KeaDHCP4Config
    var classifier: ClientClassifier
    var reservations: ReservationIndex
    var table: LeaseTable
    let serverAddress: IPv4Address
    /// The iterative allocator's cursors (Kea's last-allocated address per subnet and per pool).
    var allocator = IterativeAllocator()
    /// Addresses offered and not yet requested, by client: a retransmitted DISCOVER, or a REQUEST that
    /// carries neither option 50 nor `ciaddr`, gets the same address.
    var offers: [[UInt8]: Offer] = [:]
    /// The offers in the order they were made, for forgetting the oldest first; `offerQueueHead` is where
    /// the live part starts. An entry is stale once its client was offered again or sent its REQUEST.
    var offerQueue: [(key: [UInt8], time: Int64)] = []
    var offerQueueHead = 0

    struct Offer: Sendable {
        var address: IPv4Address
        var subnetID: UInt32
        var time: Int64
    }

    /// At most this many offers are remembered (clients that never sent their REQUEST, a DISCOVER flood):
    /// past it, the oldest are forgotten, a quarter of the table at a time.
    static let offerTableLimit = 4096
    /// Kea's `expired-leases-processing.hold-reclaimed-time` default: reclaimed leases are deleted this long
    /// after they expired.
    static let holdReclaimedTime: Int64 = 3600

    public init(configuration: KeaDHCP4Config, leases: [IPv4Address: Lease], serverAddress: IPv4Address) {
        self.configuration = configuration
        self.classifier = ClientClassifier(configuration)
        self.reservations = ReservationIndex(configuration)
        self.table = LeaseTable(leases)
        self.serverAddress = serverAddress
    }

    /// Every lease the engine holds, by address (deletions are not kept).
    public var leases: [IPv4Address: Lease] { table.byAddress }

    /// Makes `lease` current for its address, replacing any other (Kea's `lease4-add`/`lease4-update`, once
    /// the caller has written its row).
    public mutating func store(_ lease: Lease) {
        table.insert(lease)
    }

    /// Forgets the lease of `address` (Kea's `lease4-del`/`lease4-wipe`, once its deletion row is written).
    public mutating func remove(_ address: IPv4Address) {
        table.remove(address)
    }

    /// A configuration reload: leases, offers and allocator cursors stay; a cursor outside the new pools
    /// restarts at the first pool, as Kea's allocator does.
    public mutating func reconfigure(_ configuration: KeaDHCP4Config) {
        self.configuration = configuration
        self.classifier = ClientClassifier(configuration)
        self.reservations = ReservationIndex(configuration)
    }

    /// One received packet. `now` in seconds since the epoch; `source` the UDP source and receiving interface.
    public mutating func handle(_ packet: DHCPMessage, from source: PacketSource, now: Int64) -> [Action] {
        guard packet.op == .request else { return [.drop(reason: .notARequest)] }
        switch packet.messageType {
        case .discover?: return discover(packet, from: source, now: now)
        case .request?: return request(packet, from: source, now: now)
        case .decline?: return decline(packet, now: now)
        case .release?: return release(packet)
        case .inform?: return inform(packet, from: source)
        default: return [.drop(reason: .unsupportedMessageType)]
        }
    }

    /// Whether `address` names this server in option 54: our address, or an option 54 configured in
    /// `option-data` (Kea's `Dhcpv4Srv::acceptServerId`).
    func isOurs(_ address: IPv4Address) -> Bool {
        if address == serverAddress { return true }
        let configured =
            configuration.options + configuration.subnets.flatMap(\.options)
            + configuration.clientClasses.flatMap(\.options)
        return configured.contains { $0.code == DHCPOptionCode.serverIdentifier && $0.data == address.octets }
    }

    /// Files an offer. Bounded memory at O(1) amortized cost per offer: when the table is full, the oldest
    /// offers are forgotten until it is three quarters full (a flood of DISCOVERs that never REQUEST must
    /// not make each new offer scan the whole table).
    mutating func remember(_ offer: Offer, for client: ClientIdentity) {
        let key = client.offerKey
        offers[key] = offer
        offerQueue.append((key, offer.time))
        if offers.count > Self.offerTableLimit {
            while offers.count > Self.offerTableLimit * 3 / 4, offerQueueHead < offerQueue.count {
                let oldest = offerQueue[offerQueueHead]
                offerQueueHead += 1
                if offers[oldest.key]?.time == oldest.time { offers[oldest.key] = nil }
            }
        }
        // Drop the queue's stale entries now and then: its length stays within a few times the table's.
        if offerQueue.count - offerQueueHead > Self.offerTableLimit * 2 || offerQueueHead > Self.offerTableLimit {
            offerQueue = offerQueue[offerQueueHead...].filter { offers[$0.key]?.time == $0.time }
            offerQueueHead = 0
        }
    }
}
