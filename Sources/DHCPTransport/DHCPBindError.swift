/// Why the DHCP sockets could not be opened. Fatal: the daemon exits non-zero (DESIGN.md §1), unlike Kea,
/// which keeps running without sockets (notes/kea-dhcp.md §6).
///
/// `cannot bind 127.0.0.1:67: Address already in use`
public struct DHCPBindError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
