import CastorControl
import CastorJSON
import DHCPCodec
import DHCPLeases
import KeaCommands
import KeaConfig
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Kea's control channel (`control-socket`, notes/kea-dhcp.md §4): the commands of ``KeaCommandProcessor``
/// act on the running server through this conformance.
extension DHCPServer: KeaCommandHost {
    /// Binds `control-socket.socket-name` when configured; serving starts with ``run()``.
    func bindControlSocket() async throws(DHCPServiceError) {
        guard let socket = configuration.controlSocket else { return }
        do {
            controlServer = try await KeaControlServer.bind(path: socket.socketName) { [weak self] request in
                guard let self else { return [] }
                return await KeaCommandProcessor.handle(request, host: self, now: Int64(time(nil)))
            }
        } catch {
            throw DHCPServiceError(.bind, "control-socket: \(error)")
        }
        logger.info("COMMAND_ACCEPTOR_START control socket open", metadata: ["dhcp.socket": "\(socket.socketName)"])
    }

    public var leases: [IPv4Address: Lease] { engine.leases }

    public var configurationPath: String { options.configPath }

    /// Kea's statistics: the packet counters, what the sockets lost, and per subnet the addresses it has,
    /// has leased and has declined (`subnet[1].total-addresses`, …), counted now.
    public var statisticValues: [String: Int64] {
        var values = statistics.values
        let lost = transportCounters
        values[DHCPStatistics.receiveDrop, default: 0] += Int64(lost.overflowDrops)
        var assigned: [UInt32: Int64] = [:]
        var declined: [UInt32: Int64] = [:]
        for lease in engine.leases.values {
            switch lease.state {
            case .default: assigned[lease.subnetID, default: 0] += 1
            case .declined:
                assigned[lease.subnetID, default: 0] += 1
                declined[lease.subnetID, default: 0] += 1
            case .expiredReclaimed: break
            }
        }
        for subnet in configuration.subnets {
            let total = subnet.pools.reduce(Int64(0)) { $0 + Int64($1.range.count) }
            values["subnet[\(subnet.id)].total-addresses"] = total
            values["subnet[\(subnet.id)].assigned-addresses"] = assigned[subnet.id] ?? 0
            values["subnet[\(subnet.id)].declined-addresses"] = declined[subnet.id] ?? 0
        }
        return values
    }

    public var status: KeaServerStatus {
        let now = Int64(time(nil))
        return KeaServerStatus(pid: getpid(), uptime: now - startedAt, reload: now - reloadedAt)
    }

    public func store(_ lease: Lease) async throws(KeaCommandError) {
        guard persist([lease]) else { throw KeaCommandError(.error, "Unable to write the lease to the lease file") }
        engine.store(lease)
    }

    public func delete(_ lease: Lease) async throws(KeaCommandError) {
        guard persist([lease.deletion]) else {
            throw KeaCommandError(.error, "Unable to write the lease deletion to the lease file")
        }
        engine.remove(lease.address)
    }

    public func reclaimExpired(remove: Bool) async throws(KeaCommandError) {
        reclaimExpiredLeases(remove: remove)
    }

    public func reloadConfiguration() async throws(KeaCommandError) {
        if case .failure(let error) = reload() { throw KeaCommandError(.error, error.message) }
    }

    /// Stops shortly after the reply has left (the processor replies after this returns).
    public func shutdown() async {
        Task {
            try? await Task.sleep(for: .milliseconds(100))
            await self.stop()
        }
    }
}
