import ArgumentParser
import CastorCore
import CastorModel
import CastorSettings
import CastorStore
import Foundation

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
