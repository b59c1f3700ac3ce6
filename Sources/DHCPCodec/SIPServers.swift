/// SIP servers, option 120 (RFC 3361 §3): an encoding octet, then domain names or IPv4 addresses.
///
/// ```
///  Code   Len   enc   DNS name of SIP server (RFC 1035 §3.1 labels)
/// +-----+-----+-----+-----+-----+-----+-----+---
/// | 120 |  n  |  0  |  7  | 'e' | 'x' | 'a' | ...      encoding 0: domain names
/// +-----+-----+-----+-----+-----+-----+-----+---
///  Code   Len   enc   Address 1               Address 2
/// +-----+-----+-----+-----+-----+-----+-----+-----+---
/// | 120 |  n  |  1  | a1  | a2  | a3  | a4  | a1  | ...  encoding 1: IPv4 addresses
/// +-----+-----+-----+-----+-----+-----+-----+-----+---
/// ```
///
/// Domain names are written uncompressed, and compressed names (RFC 1035 §4.1.4 pointers) are reported as
/// malformed: RFC 3361 phones send and expect plain labels.
public enum SIPServers: Hashable, Sendable {
    /// Encoding 0: domain names, without a trailing dot (`"sip.example.com"`).
    case domainNames([String])
    /// Encoding 1: IPv4 addresses, in order of preference.
    case addresses([IPv4Address])

    init(parsing value: [UInt8]) throws(DHCPOptionError) {
        let code = DHCPOptionCode.sipServers
        guard let encoding = value.first, value.count >= 2 else {
            throw DHCPOptionError(code: code, reason: .tooShort(actual: value.count, minimum: 2))
        }
        switch encoding {
        case 0:
            guard let names = DomainNameList.decode(value.dropFirst()) else {
                throw DHCPOptionError(code: code, reason: .invalidDomainName)
            }
            self = .domainNames(names)
        case 1:
            guard let addresses = IPv4AddressList.decode(value.dropFirst()) else {
                throw DHCPOptionError(code: code, reason: .notAListOf(itemSize: 4, actual: value.count - 1))
            }
            self = .addresses(addresses)
        default:
            throw DHCPOptionError(code: code, reason: .outOfRange(value: Int(encoding)))
        }
    }

    var encoded: [UInt8] {
        switch self {
        case .domainNames(let names):
            var bytes: [UInt8] = [0]
            DomainNameList.encode(names, into: &bytes)
            return bytes
        case .addresses(let addresses):
            var bytes: [UInt8] = [1]
            bytes.reserveCapacity(1 + 4 * addresses.count)
            for address in addresses { address.append(to: &bytes) }
            return bytes
        }
    }
}
