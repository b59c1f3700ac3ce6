import DHCPCodec

/// Kea's memfile CSV for DHCPv4 leases (`kea-leases4.csv`), one `Lease` a row.
///
/// ```
/// address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context
/// 10.0.0.99,00:04:13:11:22:33,,4000,1795497836,1,0,0,snom&#x2cx,0,
/// ```
///
/// Facts from Kea 2.2 (`src/lib/dhcpsrv/csv_lease_file4.cc`, `src/lib/util/csv_file.cc`), checked against
/// files kea-dhcp4 wrote: the header is exactly the line above; booleans are `0`/`1` (`true`/`false` are read
/// too); `hostname` and `user_context` escape `,` and `&` as `&#x2c` and `&#x26` (`CSVRow::escapeCharacters`,
/// lower-case hex); older files without `state` (schema 1.0) or `user_context` (2.0) still load.
public enum MemfileRow {
    public static let header =
        "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context"
    /// The columns of the current schema (2.1), in order.
    public static let columns = header.split(separator: ",").map(String.init)

    /// Why a row cannot be read. Kea logs such rows and skips them, up to `max-row-errors`.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var column: String
        public var reason: String
        public var description: String { column.isEmpty ? reason : "\(column): \(reason)" }
    }

    /// The row for `lease`, without its newline.
    public static func line(for lease: Lease) -> String {
        var bytes: [UInt8] = []
        append(lease, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the row for `lease`, without its newline, as UTF-8: what ``line(for:)`` returns, written
    /// straight into the lease file's buffer (no `String` per field; this runs once per ACK).
    public static func append(_ lease: Lease, to bytes: inout [UInt8]) {
        let comma = UInt8(ascii: ",")
        appendDottedQuad(lease.address, to: &bytes)
        bytes.append(comma)
        HexBytes.appendColonSeparated(lease.hardwareAddress, to: &bytes)
        bytes.append(comma)
        HexBytes.appendColonSeparated(lease.clientID, to: &bytes)
        bytes.append(comma)
        appendDecimal(UInt64(lease.validLifetime), to: &bytes)
        bytes.append(comma)
        if lease.expire < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(lease.expire.magnitude, to: &bytes)
        bytes.append(comma)
        appendDecimal(UInt64(lease.subnetID), to: &bytes)
        bytes.append(comma)
        bytes.append(lease.fqdnForward ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        bytes.append(comma)
        bytes.append(lease.fqdnReverse ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        bytes.append(comma)
        appendEscaped(lease.hostname, to: &bytes)
        bytes.append(comma)
        appendDecimal(UInt64(lease.state.rawValue), to: &bytes)
        bytes.append(comma)
        appendEscaped(lease.userContext, to: &bytes)
    }

    private static func appendDottedQuad(_ address: IPv4Address, to bytes: inout [UInt8]) {
        let value = address.rawValue
        appendDecimal(UInt64(value >> 24), to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDecimal(UInt64(value >> 16 & 0xff), to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDecimal(UInt64(value >> 8 & 0xff), to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDecimal(UInt64(value & 0xff), to: &bytes)
    }

    private static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // 20 digits at most, 8 bytes per word
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
        }
        withUnsafeBytes(of: &digits) { buffer in
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    private static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "&") }) else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(contentsOf: escape(text).utf8)
    }

    /// Reads one row. `columns` is the file's header (Kea reads by column name), so older schemas load.
    public static func lease(from line: Substring, columns: [String] = columns) throws(ParseError) -> Lease {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == columns.count else {
            throw ParseError(column: "", reason: "expected \(columns.count) fields, got \(fields.count)")
        }
        func field(_ name: String) -> Substring? {
            columns.firstIndex(of: name).map { fields[$0] }
        }
        func required(_ name: String) throws(ParseError) -> Substring {
            guard let value = field(name) else { throw ParseError(column: name, reason: "missing column") }
            return value
        }
        func number<T: FixedWidthInteger>(_ name: String, as: T.Type) throws(ParseError) -> T {
            let text = try required(name)
            guard let value = T(text) else { throw ParseError(column: name, reason: "\"\(text)\" is not a number") }
            return value
        }
        func boolean(_ name: String) throws(ParseError) -> Bool {
            switch try required(name) {
            case "1", "true": return true
            case "0", "false": return false
            case let other: throw ParseError(column: name, reason: "\"\(other)\" is not a boolean")
            }
        }

        let addressText = try required("address")
        guard let address = IPv4Address(String(addressText)) else {
            throw ParseError(column: "address", reason: "\"\(addressText)\" is not an IPv4 address")
        }
        let hwText = try required("hwaddr")
        guard let hardwareAddress = HexBytes.parse(hwText), hardwareAddress.count <= 20 else {
            throw ParseError(column: "hwaddr", reason: "\"\(hwText)\" is not a hardware address")
        }
        let clientText = field("client_id") ?? ""
        guard let clientID = HexBytes.parse(clientText), clientID.count <= 255 else {
            throw ParseError(column: "client_id", reason: "\"\(clientText)\" is not a client identifier")
        }
        // Kea refuses a lease with neither identifier (`Lease4` needs one to be found again).
        if hardwareAddress.isEmpty && clientID.isEmpty {
            throw ParseError(column: "hwaddr", reason: "neither a hardware address nor a client id")
        }
        var state = Lease.State.default
        if field("state") != nil {
            let raw = try number("state", as: UInt32.self)
            guard let known = Lease.State(rawValue: raw) else {
                throw ParseError(column: "state", reason: "unknown state \(raw)")
            }
            state = known
        }
        return Lease(
            address: address, hardwareAddress: hardwareAddress, clientID: clientID,
            validLifetime: try number("valid_lifetime", as: UInt32.self), expire: try number("expire", as: Int64.self),
            subnetID: try number("subnet_id", as: UInt32.self), fqdnForward: try boolean("fqdn_fwd"),
            fqdnReverse: try boolean("fqdn_rev"), hostname: unescape(try required("hostname")), state: state,
            userContext: unescape(field("user_context") ?? ""))
    }

    /// The columns of a header line, if it is one Kea accepts (schema 1.0 to 2.1: the first nine
    /// columns, then optionally `state`, then optionally `user_context`).
    public static func columns(ofHeader line: Substring) -> [String]? {
        let names = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard names.count >= 9, names.count <= columns.count, Array(columns.prefix(names.count)) == names else {
            return nil
        }
        return names
    }

    /// `,` → `&#x2c`, `&` → `&#x26` (`CSVRow::escapeCharacters` with the escape tag's first character added).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "&") }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case ",": out += "&#x2c"
            case "&": out += "&#x26"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `&#xHH` → the byte `HH`; anything else, including a malformed tag, stays as it is (as Kea).
    static func unescape(_ text: Substring) -> String {
        guard text.contains("&#x") else { return String(text) }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "&"), i + 4 < utf8.count, utf8[i + 1] == UInt8(ascii: "#"),
                utf8[i + 2] == UInt8(ascii: "x"),
                let value = UInt8(String(decoding: utf8[(i + 3)...(i + 4)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                i += 5
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
