import DHCPCodec

/// The server's counters, under Kea 2.2's statistic names (ARM §8.8, "Statistics in the DHCPv4 Server"), so
/// `statistic-get-all` over the control socket can answer as Kea does.
///
/// ```swift
/// statistics.count(received: .discover)      // pkt4-received, pkt4-discover-received
/// statistics["pkt4-ack-sent"]                // 42
/// ```
///
/// The counters are kept in a fixed array indexed by statistic (the per-packet updates index it directly,
/// with no string built or hashed); ``values`` names them.
public struct DHCPStatistics: Equatable, Sendable {
    public static let received = "pkt4-received"
    public static let sent = "pkt4-sent"
    public static let parseFailed = "pkt4-parse-failed"
    public static let receiveDrop = "pkt4-receive-drop"
    public static let unknownReceived = "pkt4-unknown-received"
    public static let reclaimedLeases = "reclaimed-leases"
    public static let reclaimedDeclinedAddresses = "reclaimed-declined-addresses"

    /// Kea's packet types with a `pkt4-TYPE-received` counter, in ``names`` order.
    private static let receivedTypes = ["discover", "offer", "request", "ack", "nak", "release", "decline", "inform"]
    /// Kea's packet types with a `pkt4-TYPE-sent` counter, in ``names`` order.
    private static let sentTypes = ["offer", "ack", "nak"]

    /// Every statistic that exists from the start, at 0; the array's index is the counter's.
    private static let names: [String] =
        [
            received, sent, parseFailed, receiveDrop, unknownReceived, reclaimedLeases, reclaimedDeclinedAddresses,
        ] + receivedTypes.map { "pkt4-\($0)-received" } + sentTypes.map { "pkt4-\($0)-sent" }
    private static let index: [String: Int] = Dictionary(
        uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    private static let firstReceivedType = 7
    private static let firstSentType = firstReceivedType + receivedTypes.count

    private var counters = [Int64](repeating: 0, count: DHCPStatistics.names.count)
    /// Statistics outside ``names`` (none today), by name.
    private var others: [String: Int64] = [:]

    public init() {}

    /// Every statistic by name; all of Kea's packet counters exist from the start, at 0.
    public var values: [String: Int64] {
        var values = others
        for (index, name) in Self.names.enumerated() { values[name] = counters[index] }
        return values
    }

    public subscript(name: String) -> Int64 {
        if let index = Self.index[name] { return counters[index] }
        return others[name] ?? 0
    }

    mutating func increment(_ name: String, by amount: Int64 = 1) {
        if let index = Self.index[name] {
            counters[index] += amount
        } else {
            others[name, default: 0] += amount
        }
    }

    /// A parsed packet: `pkt4-received` and the per-type counter (`pkt4-unknown-received` without option 53).
    mutating func count(received type: DHCPMessageType?) {
        counters[0] += 1
        counters[type.flatMap(Self.receivedIndex(of:)) ?? 4] += 1
    }

    /// A reply handed to the socket: `pkt4-sent` and the per-type counter.
    mutating func count(sent type: DHCPMessageType?) {
        counters[1] += 1
        if let index = type.flatMap(Self.sentIndex(of:)) { counters[index] += 1 }
    }

    /// A packet that could not be parsed: `pkt4-received`, `pkt4-parse-failed`, `pkt4-receive-drop`.
    mutating func countParseFailure() {
        counters[0] += 1
        counters[2] += 1
        counters[3] += 1
    }

    /// A packet (or reply) dropped: `pkt4-receive-drop`.
    mutating func countDrop() { counters[3] += 1 }

    private static func receivedIndex(of type: DHCPMessageType) -> Int? {
        switch type {
        case .discover: firstReceivedType
        case .offer: firstReceivedType + 1
        case .request: firstReceivedType + 2
        case .ack: firstReceivedType + 3
        case .nak: firstReceivedType + 4
        case .release: firstReceivedType + 5
        case .decline: firstReceivedType + 6
        case .inform: firstReceivedType + 7
        case .other: nil
        }
    }

    private static func sentIndex(of type: DHCPMessageType) -> Int? {
        switch type {
        case .offer: firstSentType
        case .ack: firstSentType + 1
        case .nak: firstSentType + 2
        default: nil
        }
    }
}
