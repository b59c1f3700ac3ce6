/// One option of an RRQ, WRQ or OACK (RFC 2347 §2): a name and a value, both NUL-terminated strings.
///
/// Names compare without regard to ASCII case (RFC 2347: "case in-sensitive"); ``name`` keeps the spelling
/// the peer used, so an OACK can echo it. Values are decimal numbers for every option this server knows.
public struct TFTPOption: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// `blksize` (RFC 2348): the number of data bytes per DATA packet, 8–65464.
    public static let blockSize = "blksize"
    /// `timeout` (RFC 2349): the retransmission timeout in seconds, 1–255.
    public static let timeout = "timeout"
    /// `tsize` (RFC 2349): the transfer size in bytes; 0 in an RRQ, the size in the OACK.
    public static let transferSize = "tsize"
    /// `windowsize` (RFC 7440): the number of DATA packets sent per ACK, 1–65535.
    public static let windowSize = "windowsize"

    /// Whether this option is called `name`, ignoring ASCII case.
    public func isNamed(_ name: String) -> Bool {
        Self.asciiLowercased(self.name) == Self.asciiLowercased(name)
    }

    /// The value as a non-negative decimal number; `nil` if it is empty or has anything but ASCII digits.
    /// Saturates at `Int.max` rather than overflowing, so that an absurd `blksize` is simply "too large".
    public var decimalValue: Int? {
        guard !value.isEmpty else { return nil }
        var result = 0
        for byte in value.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times10, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - 0x30))
            result = overflow1 || overflow2 ? Int.max : sum
        }
        return result
    }

    public var description: String { "\(name)=\(value)" }

    /// `text` with only A–Z lowered: protocol keywords are ASCII, and Unicode lowering could change lengths.
    static func asciiLowercased(_ text: String) -> String {
        String(
            decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 },
            as: UTF8.self)
    }
}
