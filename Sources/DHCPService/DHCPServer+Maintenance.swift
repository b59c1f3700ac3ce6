import CastorJSON
import DHCPLeaseEngine
import DHCPLeases
import KeaConfig
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension DHCPServer {
    /// Kea's lease reclamation (`reclaim-timer-wait-time`): expired leases become expired-reclaimed, declined
    /// ones past probation and old reclaimed ones are deleted; the rows are appended to the lease file.
    func reclaimExpiredLeases(remove: Bool = false) {
        let actions = engine.reclaimExpired(now: Int64(time(nil)), remove: remove)
        for case .persist(let rows) in actions {
            guard persist(rows) else { continue }
            let reclaimed = rows.filter { $0.state == .expiredReclaimed }.count
            statistics.increment(DHCPStatistics.reclaimedLeases, by: Int64(reclaimed))
            logger.debug(
                "ALLOC_ENGINE_V4_LEASES_RECLAMATION_COMPLETE leases reclaimed",
                metadata: ["dhcp.rows": "\(rows.count)"])
        }
    }

    /// Lease file cleanup every `lfc-interval`, in process (Kea spawns kea-lfc; the files and steps are the same).
    func compactLeaseFile() {
        guard let leaseFile else { return }
        do {
            let report = try leaseFile.compact()
            logger.info(
                "DHCPSRV_MEMFILE_LFC_EXECUTE lease file cleaned up",
                metadata: ["dhcp.rows_read": "\(report.rowsRead)", "dhcp.leases": "\(report.leasesWritten)"])
        } catch {
            logger.error(
                "DHCPSRV_MEMFILE_LFC_SPAWN_FAIL lease file cleanup failed", metadata: ["dhcp.error": "\(error)"])
        }
    }

    /// Re-reads the configuration file (SIGHUP, `config-reload`). A file that does not load changes nothing:
    /// the old configuration keeps serving and the error is returned and logged (DESIGN.md §1). Sockets and
    /// the lease file stay as they are: a change of `interfaces-config` or `lease-database` needs a restart.
    @discardableResult
    public func reload() -> Result<KeaDHCP4Config, DHCPServiceError> {
        let next: KeaDHCP4Config
        let json: JSONValue
        do {
            (next, json) = try Self.loadConfiguration(path: options.configPath)
        } catch {
            logger.error(
                "DHCP4_DYNAMIC_RECONFIGURATION_FAIL reload refused; the previous configuration stays",
                metadata: ["dhcp.error": "\(error)"])
            return .failure(error)
        }
        for warning in next.warnings { logger.warning("DHCP4_CONFIG_SYNTAX_WARNING \(warning)") }
        if next.interfaces != configuration.interfaces || next.leaseDatabase != configuration.leaseDatabase {
            logger.warning(
                "DHCP4_RECONFIGURE_RESTART_NEEDED interfaces-config and lease-database changes take effect on restart")
        }
        engine.reconfigure(next)
        configuration = next
        configurationJSON = json
        reloadedAt = Int64(time(nil))
        logger.info(
            "DHCP4_DYNAMIC_RECONFIGURATION_SUCCESS configuration reloaded",
            metadata: ["dhcp.subnets": "\(next.subnets.count)"])
        return .success(next)
    }
}
