import ArgumentParser
import CastorModel
import CastorSettings
import CastorStore
import CastorSupervisor
import Foundation

/// Options every command shares: where the data and the settings are.
struct DataOptions: ParsableArguments {
    @Option(help: "The data directory (castor.db, leases, run/). Default: data_dir from castor.yaml, /var/lib/castor.")
    var dataDir: String?

    @Option(
        help:
            "The settings file. Default: <data-dir>/castor.yaml when --data-dir is given, else /etc/castor/castor.yaml."
    )
    var config: String?

    /// The settings, loaded from the file `SettingsLocation` picks, with flags applied (flags win).
    func settings() throws -> (settings: Settings, path: String?) {
        let path = SettingsLocation.path(config: config, dataDir: dataDir) {
            FileManager.default.fileExists(atPath: $0)
        }
        do {
            let loaded = try path.map { try Settings.load(path: $0) } ?? Settings()
            return (loaded.applying(dataDir: dataDir.map(Self.absolute)), path.map(Self.absolute))
        } catch {
            throw Failure("\(error)")
        }
    }

    var databasePath: String {
        get throws { try Self.databasePath(dataDir: settings().settings.dataDir) }
    }

    static func databasePath(dataDir: String) -> String { dataDir + "/castor.db" }

    /// Opens the store in the data dir, creating both when missing.
    func openStore(durability: CastorStore.Durability = .full) throws -> (CastorStore, Settings) {
        let (settings, _) = try settings()
        try Self.makeDirectory(settings.dataDir)
        do {
            return (
                try CastorStore.open(path: Self.databasePath(dataDir: settings.dataDir), durability: durability),
                settings
            )
        } catch {
            throw Failure("\(error)")
        }
    }

    /// Tells a running supervisor (if any) that the data changed, so its daemons reload.
    func notifyChanged() {
        guard let settings = try? settings().settings else { return }
        ChildEnvironment.notifyChanged(runDir: settings.resolvedRunDir)
    }

    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        } catch {
            throw Failure("cannot create \(path): \(error.localizedDescription)")
        }
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

/// A failure the user can act on: printed as `castor: <message>`, exit status 1.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Failure {
    /// Runs a store operation, turning its `CastorError` into a user-facing failure.
    static func store<T>(_ body: () throws(CastorError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Failure("\(error)")
        }
    }
}
