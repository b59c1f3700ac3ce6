/// The transfer mode of a request (RFC 1350 §1 and §5), matched without regard to case on the wire.
///
/// - `netascii`: the sender converts its local text to network ASCII: LF becomes CR LF and a bare CR becomes
///   CR NUL (RFC 764, the Telnet NVT convention RFC 1350 refers to). See ``TFTPNetascii``.
/// - `octet`: raw bytes, as stored.
/// - `mail`: obsolete (RFC 1350 §1 says it "should not be implemented"); a WRQ whose file name is a mail
///   recipient. Parsed so that it can be refused with a clear error (``TFTPRequestAdmission``).
public enum TFTPMode: String, Hashable, Sendable, CaseIterable {
    case netascii
    case octet
    case mail

    /// The mode named `name`, compared ASCII-case-insensitively (`"OCTET"` is `.octet`), or `nil`.
    public init?(name: String) {
        self.init(rawValue: TFTPOption.asciiLowercased(name))
    }
}
