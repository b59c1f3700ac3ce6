extension TFTPPacket {
    /// Parses one UDP payload. Total: any bytes give a packet or a ``TFTPParseError``, never a trap.
    ///
    /// Strictness follows what the packet is for. Requests and OACKs must be well formed (every string
    /// NUL-terminated, valid UTF-8, options in pairs), but NUL padding after the last option is tolerated, as
    /// some boot ROMs pad their RRQ. An ACK's bytes after the block number are ignored. An ERROR's message may
    /// lack its NUL and is decoded leniently (invalid UTF-8 becomes U+FFFD): it only informs, and refusing it
    /// would leave the sender retransmitting to a peer that has already given up.
    public init(parsing bytes: some Collection<UInt8>) throws(TFTPParseError) {
        let packet = Array(bytes)
        guard packet.count >= 2 else {
            throw TFTPParseError(.tooShort(length: packet.count, minimum: 2), at: packet.count)
        }
        let rawOpcode = Self.uint16(packet, at: 0)
        guard let opcode = TFTPOpcode(rawValue: rawOpcode) else {
            throw TFTPParseError(.unknownOpcode(rawOpcode), at: 0)
        }
        switch opcode {
        case .readRequest:
            self = .readRequest(try Self.request(packet))
        case .writeRequest:
            self = .writeRequest(try Self.request(packet))
        case .data:
            try Self.requireFixedPart(packet)
            self = .data(block: Self.uint16(packet, at: 2), payload: Array(packet[4...]))
        case .acknowledgement:
            try Self.requireFixedPart(packet)
            self = .acknowledgement(block: Self.uint16(packet, at: 2))
        case .error:
            try Self.requireFixedPart(packet)
            let end = packet[4...].firstIndex(of: 0) ?? packet.count
            self = .error(
                TFTPErrorCode(rawValue: Self.uint16(packet, at: 2)),
                message: String(decoding: packet[4..<end], as: UTF8.self))
        case .optionAcknowledgement:
            self = .optionAcknowledgement(try Self.options(packet, from: 2))
        }
    }

    private static func request(_ packet: [UInt8]) throws(TFTPParseError) -> TFTPRequest {
        let (filename, modeOffset) = try string(packet, from: 2, field: .filename)
        guard !filename.isEmpty else { throw TFTPParseError(.emptyFilename, at: 2) }
        let (modeName, optionsOffset) = try string(packet, from: modeOffset, field: .mode)
        guard let mode = TFTPMode(name: modeName) else {
            throw TFTPParseError(.unknownMode(modeName), at: modeOffset)
        }
        return TFTPRequest(filename: filename, mode: mode, options: try options(packet, from: optionsOffset))
    }

    /// Name/value pairs up to the end of the packet; a run of NULs at the end is padding.
    private static func options(_ packet: [UInt8], from start: Int) throws(TFTPParseError) -> [TFTPOption] {
        var options: [TFTPOption] = []
        var offset = start
        while offset < packet.count {
            if packet[offset...].allSatisfy({ $0 == 0 }) { break }
            let (name, valueOffset) = try string(packet, from: offset, field: .optionName)
            guard !name.isEmpty else { throw TFTPParseError(.emptyOptionName, at: offset) }
            guard valueOffset < packet.count else {
                throw TFTPParseError(.optionWithoutValue(name: name), at: offset)
            }
            let (value, next) = try string(packet, from: valueOffset, field: .optionValue(name: name))
            options.append(TFTPOption(name: name, value: value))
            offset = next
        }
        return options
    }

    /// The NUL-terminated UTF-8 string at `start`, and the offset just past its NUL.
    private static func string(
        _ packet: [UInt8], from start: Int, field: TFTPParseError.Field
    ) throws(TFTPParseError) -> (String, Int) {
        guard start < packet.count, let end = packet[start...].firstIndex(of: 0) else {
            throw TFTPParseError(.missingTerminator(field), at: min(start, packet.count))
        }
        guard let text = String(validating: packet[start..<end], as: UTF8.self) else {
            throw TFTPParseError(.invalidUTF8(field), at: start)
        }
        return (text, end + 1)
    }

    /// DATA, ACK and ERROR have an opcode and a 2-byte number.
    private static func requireFixedPart(_ packet: [UInt8]) throws(TFTPParseError) {
        guard packet.count >= 4 else {
            throw TFTPParseError(.tooShort(length: packet.count, minimum: 4), at: packet.count)
        }
    }

    /// Only called with offsets the length checks above have covered.
    private static func uint16(_ packet: [UInt8], at offset: Int) -> UInt16 {
        UInt16(packet[offset]) << 8 | UInt16(packet[offset + 1])
    }
}
