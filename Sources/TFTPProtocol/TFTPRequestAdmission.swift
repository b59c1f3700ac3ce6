/// What a read-only server owes a datagram that arrives on its well-known port (69).
///
/// - An RRQ in octet or netascii mode with an acceptable name: ``read(_:path:)``. The adapter opens the
///   file (checking symlinks and that it is a regular file; ERROR 1 if absent) and starts a
///   ``TFTPReadTransfer`` from a fresh port.
/// - A WRQ: ERROR 2, the server is read-only. Mode `mail` (obsolete, RFC 1350 §1): ERROR 4.
/// - A file name ``TFTPPathPolicy`` refuses: ERROR 2.
/// - Bytes that are not a TFTP packet, or DATA, ACK or OACK: ERROR 4.
/// - An ERROR: nothing. Answering an ERROR with an ERROR could start an endless exchange.
///
/// Refusals are sent once, from a fresh port (RFC 1350 §4) or port 69, and forgotten: ERROR packets are
/// never retransmitted (RFC 1350 §7).
///
/// ```swift
/// switch TFTPRequestAdmission(datagram: bytes) {
/// case .read(let request, let path): … open path under the root, start a TFTPReadTransfer …
/// case .refuse(let error): send(error.serialized(), to: sender)
/// case .ignore: break
/// }
/// ```
public enum TFTPRequestAdmission: Hashable, Sendable {
    case read(TFTPRequest, path: [String])
    case refuse(TFTPPacket)
    case ignore

    public init(datagram: some Collection<UInt8>, pathPolicy: TFTPPathPolicy = TFTPPathPolicy()) {
        do {
            self.init(packet: try TFTPPacket(parsing: datagram), pathPolicy: pathPolicy)
        } catch {
            self = .refuse(.error(.illegalOperation, message: "Illegal TFTP operation: \(error.reason.summary)"))
        }
    }

    public init(packet: TFTPPacket, pathPolicy: TFTPPathPolicy = TFTPPathPolicy()) {
        switch packet {
        case .readRequest(let request):
            guard request.mode != .mail else {
                self = .refuse(.error(.illegalOperation, message: "Mode mail is not supported"))
                return
            }
            do {
                self = .read(request, path: try pathPolicy.components(of: request.filename))
            } catch {
                self = .refuse(error.errorPacket)
            }
        case .writeRequest:
            self = .refuse(.error(.accessViolation, message: "Access violation: this server is read-only"))
        case .data, .acknowledgement, .optionAcknowledgement:
            self = .refuse(.error(.illegalOperation, message: "Illegal TFTP operation: no transfer on this port"))
        case .error:
            self = .ignore
        }
    }
}

extension TFTPParseError.Reason {
    /// A short phrase for the ERROR message sent back; the full description with offsets is for logs.
    var summary: String {
        switch self {
        case .tooShort: return "packet too short"
        case .unknownOpcode(let opcode): return "unknown opcode \(opcode)"
        case .missingTerminator(let field): return "\(field) not terminated"
        case .invalidUTF8(let field): return "\(field) is not UTF-8"
        case .emptyFilename: return "empty file name"
        case .unknownMode: return "unknown mode"
        case .emptyOptionName: return "empty option name"
        case .optionWithoutValue: return "option without value"
        }
    }
}
