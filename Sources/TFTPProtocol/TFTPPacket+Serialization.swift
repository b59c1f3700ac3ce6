extension TFTPPacket {
    /// The packet's bytes, ready for one UDP datagram. `TFTPPacket(parsing:)` of the result gives the packet
    /// back, provided its strings contain no NUL (the server only builds packets whose strings come from
    /// parsed packets or from its own text); the mode is written in lowercase.
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        serialize(into: &bytes)
        return bytes
    }

    /// Appends the packet's bytes to `bytes` (to reuse one buffer per transfer).
    public func serialize(into bytes: inout [UInt8]) {
        Self.append(opcode.rawValue, to: &bytes)
        switch self {
        case .readRequest(let request), .writeRequest(let request):
            Self.append(request.filename, to: &bytes)
            Self.append(request.mode.rawValue, to: &bytes)
            Self.append(request.options, to: &bytes)
        case .data(let block, let payload):
            bytes.reserveCapacity(bytes.count + 2 + payload.count)
            Self.append(block, to: &bytes)
            bytes.append(contentsOf: payload)
        case .acknowledgement(let block):
            Self.append(block, to: &bytes)
        case .error(let code, let message):
            Self.append(code.rawValue, to: &bytes)
            Self.append(message, to: &bytes)
        case .optionAcknowledgement(let options):
            Self.append(options, to: &bytes)
        }
    }

    private static func append(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0)
    }

    private static func append(_ options: [TFTPOption], to bytes: inout [UInt8]) {
        for option in options {
            append(option.name, to: &bytes)
            append(option.value, to: &bytes)
        }
    }
}
