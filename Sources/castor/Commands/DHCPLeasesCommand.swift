import CastorAdminAPI
import CastorSettings
import DHCPLeaseFile
import DHCPLeases
import Foundation
import KeaConfig

/// `castor cli -x "dhcp leases"`: the current leases, as Kea's `lease4-get-all` would list them, read from
/// the memfile lease files the daemon writes before each ACK (so they are current even while it runs, and
/// readable when it is stopped).
enum DHCPLeasesCommand {
    static func run(_ options: DataOptions, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> String {
        let settings = try options.settings().settings
        let dataDir = options.dataDir.map(DataOptions.absolute) ?? settings.dataDir
        let (leases, leasePath) = try current(dataDir: dataDir)
        let rows = leases.map { lease in
            [
                "\(lease.address)",
                lease.hardwareAddress.isEmpty ? "-" : HexBytes.colonSeparated(lease.hardwareAddress),
                lease.hostname.isEmpty ? "-" : lease.hostname,
                "\(lease.subnetID)", state(of: lease, now: now), expiry(lease.expire),
            ]
        }
        let table = TextTable(header: ["ADDRESS", "MAC", "HOSTNAME", "SUBNET", "STATE", "EXPIRES"], rows: rows)
        let active = leases.filter { $0.state == .default && $0.expire > now }.count
        return table.render()
            + "\(leases.count) lease\(leases.count == 1 ? "" : "s"), \(active) active (\(leasePath))\n"
    }

    /// The leases of the DHCP server of `dataDir` (its kea-dhcp4.conf names the lease file), by address.
    static func current(dataDir: String) throws -> (leases: [Lease], path: String) {
        let configPath = dataDir + "/kea-dhcp4.conf"
        var leasePath = dataDir + "/kea-leases4.csv"
        if FileManager.default.fileExists(atPath: configPath) {
            do {
                let configuration = try KeaDHCP4Config.load(path: configPath)
                if let name = configuration.leaseDatabase.name { leasePath = name }
            } catch {
                throw Failure("\(error)")
            }
        }
        do {
            let loaded = try MemfileLeaseFile(path: leasePath).load()
            return (loaded.leases.values.sorted { $0.address < $1.address }, leasePath)
        } catch {
            throw Failure("\(error)")
        }
    }

    /// The API's view of the same leases (`GET /api/dhcp/leases`).
    static func views(dataDir: String, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> [DHCPLeaseView] {
        try current(dataDir: dataDir).leases.map { lease in
            DHCPLeaseView(
                address: "\(lease.address)", hwAddress: HexBytes.colonSeparated(lease.hardwareAddress),
                clientID: HexBytes.colonSeparated(lease.clientID),
                hostname: lease.hostname, subnetID: lease.subnetID, state: state(of: lease, now: now),
                expire: lease.expire, validLifetime: lease.validLifetime)
        }
    }

    private static func state(of lease: Lease, now: Int64) -> String {
        switch lease.state {
        case .default: lease.expire > now ? "active" : "expired"
        case .declined: "declined"
        case .expiredReclaimed: "reclaimed"
        }
    }

    private static func expiry(_ epoch: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }
}
