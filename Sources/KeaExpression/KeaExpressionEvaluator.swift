import DHCPCodec

/// Evaluates a parsed ``KeaExpression`` against one message, with Kea 2.2's value rules (`src/lib/eval/token.cc`):
/// every value is a byte string, an absent option or sub-option is the empty string, and only a conversion
/// that cannot be done (`addrtotext` of 3 bytes, a `substring` start beyond `int`) fails the whole test.
struct KeaExpressionEvaluator {
    /// Why an evaluation failed (Kea's `EvalTypeError`); the test then counts as false.
    struct Failure: Error {
        var reason: String
    }

    typealias Condition = KeaExpression.Condition
    typealias Value = KeaExpression.Value

    let packet: DHCPMessage
    let isMember: (String) -> Bool

    func evaluate(_ condition: Condition) throws(Failure) -> Bool {
        switch condition {
        case .not(let operand): return try !evaluate(operand)
        case .and(let lhs, let rhs):
            // Kea evaluates both sides (a postfix stack); a failure on either fails the test.
            let left = try evaluate(lhs)
            let right = try evaluate(rhs)
            return left && right
        case .or(let lhs, let rhs):
            let left = try evaluate(lhs)
            let right = try evaluate(rhs)
            return left || right
        case .equal(let lhs, let rhs): return try value(lhs) == value(rhs)
        case .optionExists(let code): return packet.option(code) != nil
        case .subOptionExists(let code, let subCode): return subOption(code, subCode) != nil
        case .relay4Exists(let subCode): return subOption(DHCPOptionCode.relayAgentInformation, subCode) != nil
        case .vendorExists(let id, let subCode):
            guard let vendor = vendorOption(id) else { return false }
            guard let subCode else { return true }
            return vendor.subOptions.contains { $0.code == subCode }
        case .vendorClassExists(let id): return vendorClass(id) != nil
        case .member(let name): return isMember(name)
        }
    }

    func value(_ value: Value) throws(Failure) -> [UInt8] {
        switch value {
        case .literal(let bytes): return bytes
        case .option(let code, _): return packet.option(code)?.value ?? []
        case .subOption(let code, let subCode, _): return subOption(code, subCode) ?? []
        case .relay4(let subCode, _): return subOption(DHCPOptionCode.relayAgentInformation, subCode) ?? []
        case .pkt4(let field): return pkt4(field)
        case .vendorOption(let id, let subCode, _):
            return vendorOption(id)?.subOptions.first { $0.code == subCode }?.value ?? []
        case .vendorEnterprise(let classOption):
            let id = classOption ? vendorClass(0)?.enterpriseID : vendorOption(0)?.enterpriseID
            return id.map(KeaExpression.bigEndian) ?? []
        case .vendorClassData(let id, let index):
            guard let vendorClass = vendorClass(id), index < vendorClass.tuples.count else { return [] }
            return vendorClass.tuples[index]
        case .substring(let string, let start, let length):
            return try substring(try self.value(string), start: start, length: length)
        case .split(let string, let delimiters, let field):
            return try split(try self.value(string), delimiters: try self.value(delimiters), field: field)
        case .concat(let lhs, let rhs): return try self.value(lhs) + self.value(rhs)
        case .ifElse(let condition, let lhs, let rhs):
            // Kea computes all three before choosing.
            let chosen = try evaluate(condition)
            let left = try self.value(lhs)
            let right = try self.value(rhs)
            return chosen ? left : right
        case .hexString(let bytes, let separator):
            let separator = try self.value(separator)
            var text: [UInt8] = []
            for (index, byte) in try self.value(bytes).enumerated() {
                if index > 0 { text += separator }
                text += Array(String(byte, radix: 16).leftPadded(to: 2).utf8)
            }
            return text
        case .addressToText(let operand):
            let bytes = try self.value(operand)
            guard !bytes.isEmpty else { return [] }
            guard let address = IPv4Address(octets: bytes) else {
                throw Failure(reason: "Can not convert to valid address.")
            }
            return Array(address.description.utf8)
        case .integerToText(let operand, let width, let signed):
            let bytes = try self.value(operand)
            guard !bytes.isEmpty else { return [] }
            guard bytes.count == width else { throw Failure(reason: "Can not convert to valid int\(width * 8).") }
            let unsigned = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let bits = UInt64(width * 8)
            let number: Int64 =
                signed && unsigned >> (bits - 1) == 1 ? Int64(unsigned) - Int64(1 << bits) : Int64(unsigned)
            return Array(String(number).utf8)
        }
    }

    // MARK: Packet access

    private func pkt4(_ field: KeaExpression.Pkt4Field) -> [UInt8] {
        switch field {
        case .mac: packet.chaddr
        case .hlen: KeaExpression.bigEndian(UInt32(packet.chaddr.count))
        case .htype: KeaExpression.bigEndian(UInt32(packet.htype))
        case .ciaddr: packet.ciaddr.octets
        case .giaddr: packet.giaddr.octets
        case .yiaddr: packet.yiaddr.octets
        case .siaddr: packet.siaddr.octets
        // No option 53 reads as 0 (Kea's DHCP_NOTYPE).
        case .msgtype: KeaExpression.bigEndian(UInt32(packet.option(DHCPOptionCode.messageType)?.value.first ?? 0))
        case .transid: KeaExpression.bigEndian(packet.xid)
        }
    }

    /// Sub-option `subCode` of option `code`, reading the option's value as code/length/value sub-options (as
    /// option 82, RFC 3046 §2.0, and option 43, RFC 2132 §8.4, carry them).
    private func subOption(_ code: UInt8, _ subCode: UInt8) -> [UInt8]? {
        guard let option = packet.option(code),
            let subOptions = DHCPOption.encapsulatedOptions(in: option.value)
        else { return nil }
        return subOptions.first { $0.code == subCode }?.value
    }

    /// Option 125 (RFC 3925 §4): enterprise number, data length, sub-options; the first block only, as Kea's
    /// `OptionVendor` reads it. `id` 0 matches any enterprise.
    private func vendorOption(_ id: UInt32) -> (enterpriseID: UInt32, subOptions: [DHCPOption])? {
        guard let value = packet.option(125)?.value, value.count >= 5 else { return nil }
        let enterpriseID = value[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard id == 0 || id == enterpriseID else { return nil }
        let end = min(value.count, 5 + Int(value[4]))
        guard let subOptions = DHCPOption.encapsulatedOptions(in: Array(value[5..<end])) else { return nil }
        return (enterpriseID, subOptions)
    }

    /// Option 124 (RFC 3925 §3): enterprise number, data length, then length-prefixed class data tuples.
    private func vendorClass(_ id: UInt32) -> (enterpriseID: UInt32, tuples: [[UInt8]])? {
        guard let value = packet.option(124)?.value, value.count >= 5 else { return nil }
        let enterpriseID = value[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard id == 0 || id == enterpriseID else { return nil }
        let end = min(value.count, 5 + Int(value[4]))
        var tuples: [[UInt8]] = []
        var index = 5
        while index < end {
            let length = Int(value[index])
            guard index + 1 + length <= end else { return nil }
            tuples.append(Array(value[index + 1..<index + 1 + length]))
            index += 1 + length
        }
        return (enterpriseID, tuples)
    }

    // MARK: String functions

    /// Kea's `TokenSubstring`: a negative start counts from the end; a negative length takes bytes before
    /// the start; out of range gives the empty string.
    private func substring(_ bytes: [UInt8], start: Int64, length: Int64?) throws(Failure) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        guard var start = Int32(exactly: start).map(Int.init) else {
            throw Failure(reason: "the parameter '\(start)' for the starting position couldn't be converted")
        }
        var count = bytes.count
        if let length {
            guard let length = Int32(exactly: length) else {
                throw Failure(reason: "the parameter '\(length)' for the length couldn't be converted")
            }
            count = Int(length)
        }
        guard start >= -bytes.count && start < bytes.count else { return [] }
        if start < 0 { start += bytes.count }
        if count < 0 {
            count = -count
            if count <= start {
                start -= count
            } else {
                count = start
                start = 0
            }
        }
        return Array(bytes[start..<min(bytes.count, start + count)])
    }

    /// Kea's `TokenSplit`: fields separated by any of `delimiters`, counted from 1.
    private func split(_ bytes: [UInt8], delimiters: [UInt8], field: Int64) throws(Failure) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        guard Int32(exactly: field) != nil else {
            throw Failure(reason: "the parameter '\(field)' for the field couldn't be converted")
        }
        guard !delimiters.isEmpty else { return bytes }
        let fields = bytes.split(omittingEmptySubsequences: false, whereSeparator: { delimiters.contains($0) })
        guard field >= 1 && field <= Int64(fields.count) else { return [] }
        return Array(fields[Int(field) - 1])
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
