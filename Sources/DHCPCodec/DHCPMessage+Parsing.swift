extension DHCPMessage {
    /// Parses a DHCPv4 message from a UDP payload.
    ///
    /// Throws for a packet shorter than 240 bytes, an `op` other than 1 or 2, an `hlen` over 16, a wrong magic
    /// cookie, or an option that runs past the end of its field; ``DHCPParseError/offset`` says where. A
    /// missing end option is tolerated (the field's end ends the list), as are bytes after it. Option values
    /// are not checked here: see ``DHCPOption/decoded`` and ``malformedOptions``.
    ///
    /// Options are read from the `options` field, then, if option 52 there is valid, from `file` and then
    /// `sname` (RFC 2131 §4.1); those fields then read as empty. Repeated codes are joined in that order
    /// (RFC 3396 §7).
    public init(parsing bytes: some Collection<UInt8>) throws(DHCPParseError) {
        let packet = Array(bytes)
        guard packet.count >= Self.optionsOffset else {
            throw DHCPParseError(.tooShort(length: packet.count), at: packet.count)
        }
        guard let op = DHCPOpcode(rawValue: packet[0]) else {
            throw DHCPParseError(.unknownOpcode(packet[0]), at: 0)
        }
        let hlen = packet[2]
        guard hlen <= Self.chaddrLength else {
            throw DHCPParseError(.hardwareAddressTooLong(length: hlen), at: 2)
        }
        let cookie = Self.uint32(packet, at: Self.cookieOffset)
        guard cookie == Self.magicCookie else {
            throw DHCPParseError(.badMagicCookie(cookie), at: Self.cookieOffset)
        }

        var options = OptionAccumulator()
        try options.read(packet, from: Self.optionsOffset, to: packet.count, area: .options)

        var overload: DHCPOverload?
        if let index = options.list.firstIndex(where: { $0.code == DHCPOptionCode.overload }),
            options.list[index].value.count == 1,
            let value = DHCPOverload(rawValue: options.list[index].value[0])
        {
            overload = value
            options.list.remove(at: index)
            options.ignoresOverload = true
            if value.includesFile {
                try options.read(
                    packet, from: Self.fileOffset, to: Self.fileOffset + Self.fileLength, area: .file)
            }
            if value.includesSname {
                try options.read(
                    packet, from: Self.snameOffset, to: Self.snameOffset + Self.snameLength, area: .sname)
            }
        }

        self.init(
            op: op,
            htype: packet[1],
            hops: packet[3],
            xid: Self.uint32(packet, at: 4),
            secs: UInt16(packet[8]) << 8 | UInt16(packet[9]),
            flags: UInt16(packet[10]) << 8 | UInt16(packet[11]),
            ciaddr: IPv4Address(rawValue: Self.uint32(packet, at: 12)),
            yiaddr: IPv4Address(rawValue: Self.uint32(packet, at: 16)),
            siaddr: IPv4Address(rawValue: Self.uint32(packet, at: 20)),
            giaddr: IPv4Address(rawValue: Self.uint32(packet, at: 24)),
            chaddr: Array(packet[Self.chaddrOffset..<Self.chaddrOffset + Int(hlen)]),
            sname: overload?.includesSname == true
                ? [] : Self.trimmedField(packet, at: Self.snameOffset, length: Self.snameLength),
            file: overload?.includesFile == true
                ? [] : Self.trimmedField(packet, at: Self.fileOffset, length: Self.fileLength),
            options: options.list)
    }

    /// Only called with offsets the length check above has covered.
    private static func uint32(_ packet: [UInt8], at offset: Int) -> UInt32 {
        UInt32(packet[offset]) << 24 | UInt32(packet[offset + 1]) << 16 | UInt32(packet[offset + 2]) << 8
            | UInt32(packet[offset + 3])
    }

    /// The field's bytes up to its last non-zero byte.
    private static func trimmedField(_ packet: [UInt8], at offset: Int, length: Int) -> [UInt8] {
        return packet.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var end = offset + length
            // Eight bytes at a time while they are all zero (sname and file are mostly padding).
            while end - 8 >= offset, UnsafeRawPointer(base + (end - 8)).loadUnaligned(as: UInt64.self) == 0 {
                end -= 8
            }
            while end > offset && buffer[end - 1] == 0 { end -= 1 }
            return end == offset ? [] : Array(buffer[offset..<end])
        }
    }
}

/// Collects options from one or more fields, joining repeated codes (RFC 3396 §7).
private struct OptionAccumulator {
    var list: [DHCPOption] = []
    /// Codes already in `list`, as a 256-bit set, so the join search only runs for actual repeats.
    private var seen: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Once option 52 has been acted on, a 52 inside `file` or `sname` is ignored (RFC 2131 §4.1: it must
    /// be in the `options` field).
    var ignoresOverload = false

    init() { list.reserveCapacity(16) }

    mutating func read(_ packet: [UInt8], from start: Int, to end: Int, area: DHCPOptionArea) throws(DHCPParseError) {
        var index = start
        while index < end {
            let code = packet[index]
            if code == DHCPOptionCode.pad {
                index += 1
                continue
            }
            if code == DHCPOptionCode.end { return }
            guard index + 1 < end else {
                throw DHCPParseError(.missingOptionLength(code: code, area: area), at: index)
            }
            let length = Int(packet[index + 1])
            let valueStart = index + 2
            guard valueStart + length <= end else {
                throw DHCPParseError(
                    .optionOverrunsField(code: code, length: length, available: end - valueStart, area: area),
                    at: index)
            }
            if !(ignoresOverload && code == DHCPOptionCode.overload) {
                append(code: code, value: packet[valueStart..<valueStart + length])
            }
            index = valueStart + length
        }
    }

    private mutating func append(code: UInt8, value: ArraySlice<UInt8>) {
        let bit = UInt64(1) << UInt64(code & 63)
        let isRepeat: Bool
        switch code >> 6 {
        case 0:
            isRepeat = seen.0 & bit != 0
            seen.0 |= bit
        case 1:
            isRepeat = seen.1 & bit != 0
            seen.1 |= bit
        case 2:
            isRepeat = seen.2 & bit != 0
            seen.2 |= bit
        default:
            isRepeat = seen.3 & bit != 0
            seen.3 |= bit
        }
        if isRepeat, let index = list.firstIndex(where: { $0.code == code }) {
            list[index].value.append(contentsOf: value)
        } else {
            list.append(DHCPOption(code: code, value: Array(value)))
        }
    }
}
