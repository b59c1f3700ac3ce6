import DHCPCodec

/// The server's counters, under Kea 2.2's statistic names (ARM §8.8, "Statistics in the DHCPv4 Server"), so
/// `statistic-get-all` over the control socket can answer as Kea does.
///
/// ```swift
/// statistics.count(received: .discover)      // pkt4-received, pkt4-discover-received
/// statistics["pkt4-ack-sent"]                // 42
/// ```
public struct DHCPStatistics: Equatable, Sendable {
    public static let received = "pkt4-received"
    public static let sent = "pkt4-sent"
    public static let parseFailed = "pkt4-parse-failed"
    public static let receiveDrop = "pkt4-receive-drop"
    public static let unknownReceived = "pkt4-unknown-received"
    public static let reclaimedLeases = "reclaimed-leases"
    public static let reclaimedDeclinedAddresses = "reclaimed-declined-addresses"

    /// Every statistic by name; all of Kea's packet counters exist from the start, at 0.
    public private(set) var values: [String: Int64]

    public init() {
        var values: [String: Int64] = [:]
        for name in [
            Self.received, Self.sent, Self.parseFailed, Self.receiveDrop, Self.unknownReceived, Self.reclaimedLeases,
            Self.reclaimedDeclinedAddresses,
        ] {
            values[name] = 0
        }
        for type in ["discover", "offer", "request", "ack", "nak", "release", "decline", "inform"] {
            values["pkt4-\(type)-received"] = 0
        }
        for type in ["offer", "ack", "nak"] { values["pkt4-\(type)-sent"] = 0 }
        self.values = values
    }

    public subscript(name: String) -> Int64 { values[name] ?? 0 }

    mutating func increment(_ name: String, by amount: Int64 = 1) { values[name, default: 0] += amount }

    /// A parsed packet: `pkt4-received` and the per-type counter (`pkt4-unknown-received` without option 53).
    mutating func count(received type: DHCPMessageType?) {
        increment(Self.received)
        increment(type.flatMap(Self.name(of:)).map { "pkt4-\($0)-received" } ?? Self.unknownReceived)
    }

    /// A reply handed to the socket: `pkt4-sent` and the per-type counter.
    mutating func count(sent type: DHCPMessageType?) {
        increment(Self.sent)
        if let name = type.flatMap(Self.name(of:)) { increment("pkt4-\(name)-sent") }
    }

    private static func name(of type: DHCPMessageType) -> String? {
        switch type {
        case .discover: "discover"
        case .offer: "offer"
        case .request: "request"
        case .decline: "decline"
        case .ack: "ack"
        case .nak: "nak"
        case .release: "release"
        case .inform: "inform"
        case .other: nil
        }
    }
}
