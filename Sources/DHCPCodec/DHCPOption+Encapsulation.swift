extension DHCPOption {
    /// Parses encapsulated options, as carried in option 43 (RFC 2132 §8.4): the same code/length/value
    /// format as the options field, where code 0 pads and code 255 ends the list.
    ///
    /// Repeated codes are kept as separate entries, in order. `nil` when a sub-option runs past the end.
    ///
    /// ```swift
    /// // 43 = 42 04 0a 00 00 05 ff  → [DHCPOption(code: 66, value: [10, 0, 0, 5])]
    /// DHCPOption.encapsulatedOptions(in: option43.value)
    /// ```
    public static func encapsulatedOptions(in bytes: [UInt8]) -> [DHCPOption]? {
        var result: [DHCPOption] = []
        var index = 0
        while index < bytes.count {
            let code = bytes[index]
            if code == DHCPOptionCode.pad {
                index += 1
                continue
            }
            if code == DHCPOptionCode.end { break }
            guard index + 1 < bytes.count else { return nil }
            let length = Int(bytes[index + 1])
            let start = index + 2
            guard start + length <= bytes.count else { return nil }
            result.append(DHCPOption(code: code, value: Array(bytes[start..<start + length])))
            index = start + length
        }
        return result
    }

    /// Encodes options for encapsulation in option 43, each as code/length/value, values over 255 bytes
    /// split as RFC 3396 does. No end option is added: Snom and most phones read to the end of the value.
    public static func encapsulate(_ options: [DHCPOption]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(options.reduce(0) { $0 + $1.wireLength })
        for option in options { option.appendWireFormat(to: &bytes) }
        return bytes
    }

    /// Appends code/length/value, splitting values over 255 bytes into consecutive options (RFC 3396 §7).
    func appendWireFormat(to bytes: inout [UInt8]) {
        if value.isEmpty {
            bytes.append(code)
            bytes.append(0)
            return
        }
        var start = 0
        while start < value.count {
            let end = min(start + 255, value.count)
            bytes.append(code)
            bytes.append(UInt8(end - start))
            bytes.append(contentsOf: value[start..<end])
            start = end
        }
    }

    /// ``appendWireFormat(to:)`` into `buffer` at `offset`, which has room for ``wireLength`` bytes; returns
    /// the offset after it.
    func writeWireFormat(into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var index = offset
        if value.isEmpty {
            buffer[index] = code
            buffer[index + 1] = 0
            return index + 2
        }
        var start = 0
        while start < value.count {
            let end = min(start + 255, value.count)
            buffer[index] = code
            buffer[index + 1] = UInt8(end - start)
            value.withUnsafeBufferPointer { source in
                _ = UnsafeMutableBufferPointer(rebasing: buffer[index + 2..<index + 2 + end - start]).initialize(
                    from: UnsafeBufferPointer(rebasing: source[start..<end]))
            }
            index += 2 + end - start
            start = end
        }
        return index
    }
}
