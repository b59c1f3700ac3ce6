/// A list of IPv4 addresses, four octets each (RFC 2132 §3.5 and the other address-list options).
enum IPv4AddressList {
    /// `nil` when empty or not a multiple of four bytes.
    static func decode(_ bytes: some Collection<UInt8>) -> [IPv4Address]? {
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return nil }
        var addresses: [IPv4Address] = []
        addresses.reserveCapacity(bytes.count / 4)
        var value: UInt32 = 0
        var count = 0
        for byte in bytes {
            value = value << 8 | UInt32(byte)
            count += 1
            if count == 4 {
                addresses.append(IPv4Address(rawValue: value))
                value = 0
                count = 0
            }
        }
        return addresses
    }
}
