/// Why the DHCP server could not start: the message is what `castor dhcp` prints before exiting 1.
///
/// - `kea-dhcp4.conf:14:9: got unexpected keyword "foo" in Dhcp4 map.` (configuration)
/// - `cannot bind 127.0.0.1:67: Address already in use` (sockets)
/// - `/var/lib/castor/kea-leases4.csv: cannot open for writing: Permission denied` (lease file)
public struct DHCPServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case configuration
        case bind
        case leaseFile
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
