extension DHCPMessage {
    /// The smallest UDP payload we send: "the minimal BOOTP header of 300 octets" (RFC 1542 §2.1). Some
    /// relays and clients drop anything shorter, so the bytes after the end option are zero-filled to here.
    public static let minimumLength = 300

    /// The message as a UDP payload.
    ///
    /// `maximumMessageSize` counts as option 57 does (RFC 2132 §9.10): the whole IP datagram, so the payload
    /// may take 28 bytes less (IP and UDP headers). Values under 576 are treated as 576 (RFC 2131 §2). When the
    /// options do not fit, later options move to `file` and then `sname`, each only if empty, and option 52
    /// is added first in the `options` field (RFC 2132 §9.3); an option of more than 255 bytes is written as
    /// consecutive 255-byte pieces (RFC 3396 §7). A message that already carries option 52 is written as
    /// given, without automatic overloading.
    ///
    /// For messages parsed from a client, `serialized(minimumLength:)` with the received length reproduces
    /// the received bytes when the client used no pad options between options and no overload.
    ///
    /// ```
    /// op … file | 63 82 53 63 | 35 01 02 | … | ff | 00 00 … (to minimumLength)
    /// ```
    public func serialized(
        maximumMessageSize: UInt16 = 576, minimumLength: Int = DHCPMessage.minimumLength
    ) throws(DHCPSerializationError) -> [UInt8] {
        guard chaddr.count <= Self.chaddrLength else {
            throw .fieldTooLong(field: "chaddr", length: chaddr.count, maximum: Self.chaddrLength)
        }
        guard sname.count <= Self.snameLength else {
            throw .fieldTooLong(field: "sname", length: sname.count, maximum: Self.snameLength)
        }
        guard file.count <= Self.fileLength else {
            throw .fieldTooLong(field: "file", length: file.count, maximum: Self.fileLength)
        }
        var optionsLength = 0
        var hasOverload = false
        for option in options {
            guard option.code != DHCPOptionCode.pad, option.code != DHCPOptionCode.end else {
                throw .reservedOptionCode(option.code)
            }
            hasOverload = hasOverload || option.code == DHCPOptionCode.overload
            optionsLength += option.wireLength
        }
        let payloadLimit = Int(max(maximumMessageSize, 576)) - 28
        let fitsWithoutOverload = Self.optionsOffset + optionsLength + 1 <= payloadLimit

        if fitsWithoutOverload {
            // The common case, written in place into a buffer of the final size (zero-filled: the padding of
            // the fixed fields and the bytes up to `minimumLength`).
            let length = max(minimumLength, Self.optionsOffset + optionsLength + 1)
            return [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
                buffer.initialize(repeating: 0)
                writeFixedHeader(into: buffer)
                var index = Self.optionsOffset
                for option in options { index = option.writeWireFormat(into: buffer, at: index) }
                buffer[index] = DHCPOptionCode.end
                count = length
            }
        }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(minimumLength, min(payloadLimit, Self.optionsOffset + optionsLength + 1)))
        appendFixedHeader(to: &bytes)

        if hasOverload {
            throw .optionsDoNotFit(needed: optionsLength + 1, available: payloadLimit - Self.optionsOffset)
        } else {
            try appendOverloadedOptions(to: &bytes, payloadLimit: payloadLimit, optionsLength: optionsLength)
        }

        if bytes.count < minimumLength {
            bytes.append(contentsOf: repeatElement(0, count: minimumLength - bytes.count))
        }
        return bytes
    }

    /// Bytes 0–239: the fixed header and the magic cookie.
    private func appendFixedHeader(to bytes: inout [UInt8]) {
        bytes.append(op.rawValue)
        bytes.append(htype)
        bytes.append(UInt8(chaddr.count))
        bytes.append(hops)
        Self.append(xid, to: &bytes)
        bytes.append(UInt8(truncatingIfNeeded: secs >> 8))
        bytes.append(UInt8(truncatingIfNeeded: secs))
        bytes.append(UInt8(truncatingIfNeeded: flags >> 8))
        bytes.append(UInt8(truncatingIfNeeded: flags))
        ciaddr.append(to: &bytes)
        yiaddr.append(to: &bytes)
        siaddr.append(to: &bytes)
        giaddr.append(to: &bytes)
        Self.append(chaddr, paddedTo: Self.chaddrLength, to: &bytes)
        Self.append(sname, paddedTo: Self.snameLength, to: &bytes)
        Self.append(file, paddedTo: Self.fileLength, to: &bytes)
        Self.append(Self.magicCookie, to: &bytes)
    }

    /// ``appendFixedHeader(to:)`` into a zeroed buffer of at least 240 bytes (the fields' lengths are checked).
    private func writeFixedHeader(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        buffer[0] = op.rawValue
        buffer[1] = htype
        buffer[2] = UInt8(chaddr.count)
        buffer[3] = hops
        Self.write(xid, into: buffer, at: 4)
        buffer[8] = UInt8(truncatingIfNeeded: secs >> 8)
        buffer[9] = UInt8(truncatingIfNeeded: secs)
        buffer[10] = UInt8(truncatingIfNeeded: flags >> 8)
        buffer[11] = UInt8(truncatingIfNeeded: flags)
        Self.write(ciaddr.rawValue, into: buffer, at: 12)
        Self.write(yiaddr.rawValue, into: buffer, at: 16)
        Self.write(siaddr.rawValue, into: buffer, at: 20)
        Self.write(giaddr.rawValue, into: buffer, at: 24)
        Self.copy(chaddr, into: buffer, at: Self.chaddrOffset)
        Self.copy(sname, into: buffer, at: Self.snameOffset)
        Self.copy(file, into: buffer, at: Self.fileOffset)
        Self.write(Self.magicCookie, into: buffer, at: Self.cookieOffset)
    }

    private static func write(_ value: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        buffer[offset] = UInt8(truncatingIfNeeded: value >> 24)
        buffer[offset + 1] = UInt8(truncatingIfNeeded: value >> 16)
        buffer[offset + 2] = UInt8(truncatingIfNeeded: value >> 8)
        buffer[offset + 3] = UInt8(truncatingIfNeeded: value)
    }

    static func copy(_ bytes: [UInt8], into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { source in
            _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + source.count]).initialize(from: source)
        }
    }

    /// Fills the `options` field (after option 52), then `file`, then `sname`, keeping option order so a
    /// parser reading them in RFC 2131 §4.1 order sees the same list. Each 255-byte piece stays in one field.
    private func appendOverloadedOptions(
        to bytes: inout [UInt8], payloadLimit: Int, optionsLength: Int
    ) throws(DHCPSerializationError) {
        // Room for option 52 (3 bytes) and the end option in `options`; for the end option in file/sname.
        let capacities = [
            payloadLimit - Self.optionsOffset - 3 - 1,
            file.isEmpty ? Self.fileLength - 1 : 0,
            sname.isEmpty ? Self.snameLength - 1 : 0,
        ]
        var fields: [[UInt8]] = [[], [], []]
        fields[0].reserveCapacity(capacities[0])
        var field = 0
        for option in options {
            var start = 0
            repeat {
                let end = min(start + 255, option.value.count)
                let size = 2 + end - start
                while field < fields.count && fields[field].count + size > capacities[field] { field += 1 }
                guard field < fields.count else {
                    throw .optionsDoNotFit(needed: optionsLength, available: capacities.reduce(0, +))
                }
                fields[field].append(option.code)
                fields[field].append(UInt8(end - start))
                fields[field].append(contentsOf: option.value[start..<end])
                start = end
            } while start < option.value.count
        }
        let overload: DHCPOverload =
            switch (fields[1].isEmpty, fields[2].isEmpty) {
            case (false, true): .file
            case (true, false): .sname
            default: .both
            }
        bytes.append(contentsOf: [DHCPOptionCode.overload, 1, overload.rawValue])
        bytes.append(contentsOf: fields[0])
        bytes.append(DHCPOptionCode.end)
        if overload.includesFile {
            Self.write(fields[1] + [DHCPOptionCode.end], into: &bytes, at: Self.fileOffset)
        }
        if overload.includesSname {
            Self.write(fields[2] + [DHCPOptionCode.end], into: &bytes, at: Self.snameOffset)
        }
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    private static func append(_ field: [UInt8], paddedTo length: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: field)
        bytes.append(contentsOf: repeatElement(0, count: length - field.count))
    }

    private static func write(_ field: [UInt8], into bytes: inout [UInt8], at offset: Int) {
        for (index, byte) in field.enumerated() { bytes[offset + index] = byte }
    }
}
