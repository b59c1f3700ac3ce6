/// How a transfer ended, for logs and metrics.
public enum TFTPTransferOutcome: Hashable, Sendable {
    /// The client acknowledged the last block. `bytes` counts DATA payload bytes as sent (netascii-encoded).
    case completed(blocks: Int, bytes: Int)
    case failed(TFTPTransferFailure)
}

/// Why a transfer failed. ``label`` is a stable value, usable as a metrics label.
public enum TFTPTransferFailure: Hashable, Sendable, CustomStringConvertible {
    /// No progress after every retransmission (``TFTPRetransmission/maximumRetries``).
    case timedOut
    /// The client sent ERROR: it gave up, or (code 8) refused the OACK.
    case peerError(TFTPErrorCode, message: String)
    /// The client sent a packet that has no place in a read transfer, or bytes that are no TFTP packet.
    case illegalPacket(String)
    /// ``TFTPFileSource/read(offset:length:)`` threw.
    case sourceFailed(String)

    public var label: String {
        switch self {
        case .timedOut: return "timed out"
        case .peerError: return "peer error"
        case .illegalPacket: return "illegal packet"
        case .sourceFailed: return "read failed"
        }
    }

    public var description: String {
        switch self {
        case .timedOut: return "timed out"
        case .peerError(let code, let message): return "client sent ERROR \(code.rawValue) (\(code)): \(message)"
        case .illegalPacket(let what): return "illegal packet from the client: \(what)"
        case .sourceFailed(let error): return "reading the file failed: \(error)"
        }
    }
}
