/// The outcome of option negotiation for a read (RFC 2347 §2): the parameters the transfer uses and the
/// options the OACK carries.
///
/// Per option, for an RRQ:
/// - `blksize` (RFC 2348): 8–65464; larger values are lowered to ``TFTPServerLimits/maximumBlockSize``;
///   smaller or non-numeric values are ignored.
/// - `timeout` (RFC 2349): 1–255 seconds, echoed unchanged; other values are ignored.
/// - `tsize` (RFC 2349): the client sends 0 (any number is accepted); the OACK carries the transfer size, in
///   the bytes actually sent (after netascii conversion). Omitted when the size is unknown.
/// - `windowsize` (RFC 7440): 1–65535, lowered to ``TFTPServerLimits/maximumWindowSize``; 0 or
///   non-numeric is ignored.
///
/// Unknown, refused and repeated options are ignored (the first of each name counts). The OACK lists only
/// options the client asked for and the server accepted, in the client's order and spelling: clients reject
/// an OACK with options they did not request (PyPXE#125). If nothing is accepted there is no OACK and the
/// transfer starts with DATA block 1, as RFC 1350 (RFC 2347 §2: the client then uses the defaults).
public struct TFTPNegotiatedOptions: Hashable, Sendable {
    /// RFC 1350's block size.
    public static let defaultBlockSize = 512

    /// Data bytes per DATA packet.
    public var blockSize: Int
    /// DATA packets in flight per ACK; 1 is RFC 1350 lock-step.
    public var windowSize: Int
    /// The retransmission timeout the client asked for, in seconds, if accepted.
    public var timeoutSeconds: Int?
    /// The size announced in the OACK, if the client asked and the size is known.
    public var transferSize: Int?
    /// The OACK's options; empty means no OACK.
    public var acknowledged: [TFTPOption]

    /// RFC 1350 behaviour: 512-byte blocks, lock-step, no OACK.
    public static let defaults = TFTPNegotiatedOptions(
        blockSize: defaultBlockSize, windowSize: 1, timeoutSeconds: nil, transferSize: nil, acknowledged: [])

    public init(blockSize: Int, windowSize: Int, timeoutSeconds: Int?, transferSize: Int?, acknowledged: [TFTPOption]) {
        self.blockSize = blockSize
        self.windowSize = windowSize
        self.timeoutSeconds = timeoutSeconds
        self.transferSize = transferSize
        self.acknowledged = acknowledged
    }

    /// Negotiates an RRQ's `requested` options. `transferSize` is the number of bytes the transfer will send
    /// (``TFTPFileSource/byteCount`` for octet), or `nil` if unknown.
    public init(negotiating requested: [TFTPOption], limits: TFTPServerLimits, transferSize: Int?) {
        self = .defaults
        var seen: Set<String> = []
        for option in requested {
            let name = TFTPOption.asciiLowercased(option.name)
            guard seen.insert(name).inserted, !limits.refuses(option) else { continue }
            if let value = accept(name: name, value: option.decimalValue, limits: limits, size: transferSize) {
                acknowledged.append(TFTPOption(name: option.name, value: String(value)))
            }
        }
    }

    /// Applies one option; the value to acknowledge, or `nil` to ignore it.
    private mutating func accept(name: String, value: Int?, limits: TFTPServerLimits, size: Int?) -> Int? {
        guard let value else { return nil }
        switch name {
        case TFTPOption.blockSize:
            let maximum = min(max(limits.maximumBlockSize, 8), TFTPServerLimits.protocolMaximumBlockSize)
            guard value >= 8 else { return nil }
            blockSize = min(value, maximum)
            return blockSize
        case TFTPOption.timeout:
            guard (1...255).contains(value) else { return nil }
            timeoutSeconds = value
            return value
        case TFTPOption.transferSize:
            guard let size, size >= 0 else { return nil }
            transferSize = size
            return size
        case TFTPOption.windowSize:
            let maximum = min(max(limits.maximumWindowSize, 1), 65535)
            guard value >= 1 else { return nil }
            windowSize = min(value, maximum)
            return windowSize
        default:
            return nil
        }
    }
}
