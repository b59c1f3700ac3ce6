/// `control-socket`: the Unix socket that takes Kea's JSON commands (notes/kea-dhcp.md §4).
public struct KeaControlSocket: Equatable, Sendable {
    /// Always `unix` (the only type Kea 2.2's DHCPv4 server has).
    public var socketType: String
    public var socketName: String

    public init(socketType: String = "unix", socketName: String) {
        self.socketType = socketType
        self.socketName = socketName
    }
}
