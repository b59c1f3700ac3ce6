/// A TFTP packet (RFC 1350 §5; OACK from RFC 2347 §2). Every packet starts with a 2-byte big-endian opcode.
///
/// ```
/// RRQ/WRQ  | 01/02 | Filename | 0 | Mode | 0 | opt1 | 0 | value1 | 0 | … |   RFC 1350 §5, RFC 2347 §2
/// DATA     |  03   | Block # (2) | Data (0–blksize bytes) |                   RFC 1350 §5, figure 5-2
/// ACK      |  04   | Block # (2) |                                            RFC 1350 §5, figure 5-3
/// ERROR    |  05   | ErrorCode (2) | ErrMsg | 0 |                             RFC 1350 §5, figure 5-4
/// OACK     |  06   | opt1 | 0 | value1 | 0 | … | optN | 0 | valueN | 0 |     RFC 2347 §2
/// ```
///
/// A DATA payload shorter than the block size ends a transfer (RFC 1350 §6). Block numbers are 16 bits and
/// wrap: ``TFTPReadTransfer`` rolls 65535 over to 0 as tftp-hpa and atftp do.
///
/// ```swift
/// let packet = try TFTPPacket(parsing: datagram)
/// if case .readRequest(let request) = packet { … }
/// channel.write(TFTPPacket.acknowledgement(block: 7).serialized())
/// ```
public enum TFTPPacket: Hashable, Sendable {
    case readRequest(TFTPRequest)
    case writeRequest(TFTPRequest)
    /// A block of file data; `block` is the wire (16-bit, wrapping) block number.
    case data(block: UInt16, payload: [UInt8])
    case acknowledgement(block: UInt16)
    /// An error; it ends the transfer and is never acknowledged or retransmitted (RFC 1350 §7).
    case error(TFTPErrorCode, message: String)
    /// The options the server accepted, in the client's order (RFC 2347 §2).
    case optionAcknowledgement([TFTPOption])

    /// The packet's opcode.
    public var opcode: TFTPOpcode {
        switch self {
        case .readRequest: return .readRequest
        case .writeRequest: return .writeRequest
        case .data: return .data
        case .acknowledgement: return .acknowledgement
        case .error: return .error
        case .optionAcknowledgement: return .optionAcknowledgement
        }
    }

    /// ERROR 5 for a packet that reached a transfer's port from anyone but the transfer's peer (RFC 1350 §4).
    /// The adapter sends it to the stranger's address and port and leaves the transfer undisturbed.
    public static let unknownTransferID = TFTPPacket.error(.unknownTransferID, message: "Unknown transfer ID")
}

extension TFTPPacket: CustomStringConvertible {
    /// A one-line summary for logs, e.g. `DATA block 7 (512 bytes)`.
    public var description: String {
        switch self {
        case .readRequest(let request), .writeRequest(let request):
            let options = request.options.map(\.description).joined(separator: " ")
            return "\(opcode) \"\(request.filename)\" \(request.mode.rawValue)" + (options.isEmpty ? "" : " " + options)
        case .data(let block, let payload): return "DATA block \(block) (\(payload.count) bytes)"
        case .acknowledgement(let block): return "ACK block \(block)"
        case .error(let code, let message): return "ERROR \(code.rawValue) (\(code)): \(message)"
        case .optionAcknowledgement(let options): return "OACK " + options.map(\.description).joined(separator: " ")
        }
    }
}
