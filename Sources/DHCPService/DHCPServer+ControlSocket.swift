import Logging

extension DHCPServer {
    /// Where Kea's control socket (`control-socket`, notes/kea-dhcp.md §4) will be served: a Unix socket taking
    /// `config-get`, `config-reload`, `statistic-get-all`, `lease4-get`… and answering through KeaCommands.
    ///
    /// Not implemented yet (KeaCommands is being written): the hooks it will use already exist —
    /// ``reload()``, ``statistics``, ``transportCounters``, ``configuration``, ``stop()`` — and the lease
    /// commands will need the engine's table (`engine.leases`) and `persist(_:)` for lease4-add/-del.
    func startControlSocket() {
        guard let socket = configuration.controlSocket else { return }
        logger.warning(
            "DHCP4_CONTROL_SOCKET_UNSUPPORTED control-socket is not served yet",
            metadata: ["dhcp.socket": "\(socket.socketName)"])
    }
}
