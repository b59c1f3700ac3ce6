import NIOCore
import TFTPProtocol

extension ByteBuffer {
    /// Writes `packet` as one datagram's bytes, as ``TFTPProtocol/TFTPPacket/serialized()`` lays them out
    /// (RFC 1350 §5), without the intermediate array: a DATA packet is one copy of its payload into a buffer
    /// the transfer reuses.
    @discardableResult
    mutating func writeTFTPPacket(_ packet: TFTPPacket) -> Int {
        let start = writerIndex
        writeInteger(packet.opcode.rawValue)
        switch packet {
        case .readRequest(let request), .writeRequest(let request):
            writeTFTPString(request.filename)
            writeTFTPString(request.mode.rawValue)
            writeTFTPOptions(request.options)
        case .data(let block, let payload):
            writeInteger(block)
            writeBytes(payload)
        case .acknowledgement(let block):
            writeInteger(block)
        case .error(let code, let message):
            writeInteger(code.rawValue)
            writeTFTPString(message)
        case .optionAcknowledgement(let options):
            writeTFTPOptions(options)
        }
        return writerIndex - start
    }

    private mutating func writeTFTPString(_ text: String) {
        writeString(text)
        writeInteger(UInt8(0))
    }

    private mutating func writeTFTPOptions(_ options: [TFTPOption]) {
        for option in options {
            writeTFTPString(option.name)
            writeTFTPString(option.value)
        }
    }
}

extension UnsafeRawBufferPointer {
    /// The block number if these bytes are an ACK (opcode 4 and at least a block number; bytes after it are
    /// ignored, as ``TFTPProtocol/TFTPPacket/init(parsing:)`` does). The common case on a transfer's port,
    /// read without parsing into an array.
    var tftpAcknowledgedBlock: UInt16? {
        guard count >= 4, self[0] == 0, UInt16(self[1]) == TFTPOpcode.acknowledgement.rawValue else { return nil }
        return UInt16(self[2]) << 8 | UInt16(self[3])
    }
}
