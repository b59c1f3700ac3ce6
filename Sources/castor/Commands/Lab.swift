import ArgumentParser
import CastorCore
import CastorModel
import CastorSettings
import CastorStore
import Foundation
import KeaConfig

struct Lab: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The lab scenario of the guide.", subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the lab scenario (contexts, users, lines, voicemail boxes, phones) into the data dir.",
            discussion: "Running it again changes nothing: what exists is left alone.")

        @OptionGroup var options: DataOptions

        func run() throws {
            let (store, settings) = try options.openStore()
            let created = try LabSetup.apply(store: store, settings: settings)
            if created.isEmpty {
                print("lab already initialised in \(settings.dataDir): nothing to do")
            } else {
                for line in created { print("created \(line)") }
            }
            options.notifyChanged()
        }
    }
}

/// What `castor lab init` and `castor run --lab` do: the scenario, plus the admin account if none exists.
enum LabSetup {
    static func apply(store: CastorStore, settings: CastorSettings.Settings) throws -> [String] {
        var created = try Failure.store { () throws(CastorError) in try store.apply(.standard) }
        if let written = try LabDHCP.writeConfiguration(settings: settings) { created.append(written) }
        if let password = try AdminSetup.ensureAdmin(
            store: store, username: settings.api.adminUser, dataDir: settings.dataDir)
        {
            created.append("admin account \"\(settings.api.adminUser)\" (password in \(password))")
        }
        return created
    }
}

/// The appliance's admin account: created on first setup with a generated password, written to
/// `<data dir>/admin-password` (mode 0600) so the installer can read it once and change it.
enum AdminSetup {
    static func passwordFile(dataDir: String) -> String { dataDir + "/admin-password" }

    /// Creates the admin if there is none; returns the file the password went to, or nil if one existed.
    static func ensureAdmin(store: CastorStore, username: String, dataDir: String) throws -> String? {
        guard try !Failure.store({ () throws(CastorError) in try store.hasAdmin() }) else { return nil }
        let password = SecretGenerator.secret(length: 20)
        try Failure.store { () throws(CastorError) in try store.setAdminPassword(username: username, password: password)
        }
        let file = passwordFile(dataDir: dataDir)
        try write(password: password, to: file)
        return file
    }

    static func write(password: String, to file: String) throws {
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw Failure("cannot write \(file): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let bytes = Array((password + "\n").utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count else {
            throw Failure("cannot write \(file): \(String(cString: strerror(errno)))")
        }
    }
}

/// The lab's DHCP scope (DESIGN.md §5): `<data dir>/kea-dhcp4.conf`, written once and then the installer's.
enum LabDHCP {
    static func configurationPath(settings: CastorSettings.Settings) -> String {
        settings.dataDir + "/kea-dhcp4.conf"
    }

    static func controlSocketPath(settings: CastorSettings.Settings) -> String {
        settings.resolvedRunDir + "/kea4-ctrl-socket"
    }

    /// Writes the lab's kea-dhcp4.conf unless one exists; what was created, for `lab init` to report.
    static func writeConfiguration(settings: CastorSettings.Settings) throws -> String? {
        let path = configurationPath(settings: settings)
        guard !FileManager.default.fileExists(atPath: path) else { return nil }
        let text = KeaLabConfiguration.text(
            leaseFile: settings.dataDir + "/kea-leases4.csv", controlSocket: controlSocketPath(settings: settings))
        do {
            try FileManager.default.createDirectory(atPath: settings.dataDir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure("cannot write \(path): \(error.localizedDescription)")
        }
        return "DHCP configuration \(path) (phones' network 10.20.0.0/24, listening on loopback only)"
    }
}
