/// The 16-bit opcode that begins every TFTP packet (RFC 1350 §5, RFC 2347 for OACK).
public enum TFTPOpcode: UInt16, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Read request (RRQ).
    case readRequest = 1
    /// Write request (WRQ).
    case writeRequest = 2
    /// Data (DATA).
    case data = 3
    /// Acknowledgment (ACK).
    case acknowledgement = 4
    /// Error (ERROR).
    case error = 5
    /// Option acknowledgment (OACK, RFC 2347).
    case optionAcknowledgement = 6

    /// The RFC's abbreviation: `RRQ`, `WRQ`, `DATA`, `ACK`, `ERROR`, `OACK`.
    public var description: String {
        switch self {
        case .readRequest: return "RRQ"
        case .writeRequest: return "WRQ"
        case .data: return "DATA"
        case .acknowledgement: return "ACK"
        case .error: return "ERROR"
        case .optionAcknowledgement: return "OACK"
        }
    }
}
