extension KeaExpression {
    /// A boolean expression: Kea's `bool_expr` (`parser.yy`).
    indirect enum Condition: Sendable, Equatable {
        case not(Condition)
        case and(Condition, Condition)
        case or(Condition, Condition)
        case equal(Value, Value)
        /// `option[CODE].exists`
        case optionExists(code: UInt8)
        /// `option[CODE].option[SUB].exists`
        case subOptionExists(code: UInt8, subCode: UInt8)
        /// `relay4[SUB].exists`: a sub-option of option 82.
        case relay4Exists(subCode: UInt8)
        /// `vendor[ID].exists` (option 125; ID 0 is `*`, any enterprise), or with `.option[SUB]`.
        case vendorExists(enterpriseID: UInt32, subCode: UInt8?)
        /// `vendor-class[ID].exists` (option 124).
        case vendorClassExists(enterpriseID: UInt32)
        /// `member('name')`
        case member(String)
    }

    /// A string expression (Kea's `string_expr`): evaluates to bytes.
    indirect enum Value: Sendable, Equatable {
        case literal([UInt8])
        /// `option[CODE].hex` / `.text`
        case option(code: UInt8, representation: Representation)
        /// `option[CODE].option[SUB].hex` / `.text`
        case subOption(code: UInt8, subCode: UInt8, representation: Representation)
        /// `relay4[SUB].hex` / `.text`
        case relay4(subCode: UInt8, representation: Representation)
        case pkt4(Pkt4Field)
        /// `vendor[ID].option[SUB].hex` / `.text`
        case vendorOption(enterpriseID: UInt32, subCode: UInt8, representation: Representation)
        /// `vendor.enterprise`, `vendor-class.enterprise`: the enterprise id, 4 bytes.
        case vendorEnterprise(classOption: Bool)
        /// `vendor-class[ID].data[INDEX]`
        case vendorClassData(enterpriseID: UInt32, index: Int)
        /// `substring(s, start, length)`; `length` nil is `all`. Kea keeps these as decimal strings and converts
        /// them to `int` when evaluating, so values beyond `Int32` fail then.
        case substring(Value, start: Int64, length: Int64?)
        /// `split(s, delimiters, field)`
        case split(Value, Value, field: Int64)
        /// `concat(a, b)` and `a + b`
        case concat(Value, Value)
        case ifElse(Condition, Value, Value)
        /// `hexstring(s, separator)`
        case hexString(Value, separator: Value)
        /// `addrtotext(s)`
        case addressToText(Value)
        /// `int8totext(s)` … `uint32totext(s)`: `width` bytes, signed or not.
        case integerToText(Value, width: Int, signed: Bool)
    }

    /// `.hex` (raw bytes) or `.text` (the option's textual form).
    enum Representation: Sendable, Equatable {
        case hex
        case text
    }

    /// `pkt4.FIELD`: addresses are 4 bytes; `hlen`, `htype`, `msgtype`, `transid` are 4-byte big-endian
    /// integers, as Kea pads them (`TokenPkt4::evaluate`, `EvalContext::fromUint32`).
    enum Pkt4Field: String, Sendable, Equatable, CaseIterable {
        case mac
        case hlen
        case htype
        case ciaddr
        case giaddr
        case yiaddr
        case siaddr
        case msgtype
        case transid
    }
}
