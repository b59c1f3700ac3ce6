import CastorModel
import Foundation
import GRDB

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The PBX and provisioning data (DESIGN.md §2b) in one SQLite file, through GRDB: implements `ModelStore`.
///
/// ```swift
/// let store = try CastorStore.open(path: "/var/lib/castor/castor.db")
/// let created = try store.apply(.standard)        // ["context comptabilite", "user 1001 Alice", …]
/// let alice = try store.line(exten: "1001", context: "comptabilite")
/// ```
///
/// Several processes (the API daemon, the PBX, the CLI) open the same file at once: the database is in WAL
/// mode (readers never block the writer), writers wait for each other up to `busyTimeout`, and every
/// `ModelStore` method runs in one transaction, so a reader never sees half a change. Constraints are checked
/// in code first, to give precise `CastorError`s naming the API field; the SQL schema (`Schema`) repeats them
/// as a backstop, and any SQLite error that still comes up is translated (`CastorStore+Errors.swift`).
public final class CastorStore: ModelStore {
    /// The database file.
    public let path: String
    /// The migrations recorded in the file when it was opened, oldest first (`["v1"]`).
    public let appliedMigrations: [String]
    /// How long a write waits for another process's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 10

    let pool: DatabasePool
    /// The migrations this `open` ran (empty when the file was already up to date); for tests.
    let migrationsRunAtOpen: [String]

    private init(pool: DatabasePool, path: String, applied: [String], ran: [String]) {
        self.pool = pool
        self.path = path
        self.appliedMigrations = applied
        self.migrationsRunAtOpen = ran
    }

    /// How a commit reaches the disk (SQLite's `synchronous`, in WAL mode).
    public enum Durability: Sendable {
        /// `FULL`: a commit is on disk before it returns (survives a power loss). The default.
        case full
        /// `NORMAL`: a commit is in the operating system before it returns (survives `kill -9` of the process,
        /// not a power loss), without an fsync per commit. For the PBX's bindings, written thousands of
        /// times a second and refreshed by the phones anyway.
        case processCrash
    }

    /// Opens the database at `path`, creating it (mode 0600: it holds SIP secrets) and migrating it as needed.
    ///
    /// Throws `CastorError.invalid(field: "database", …)` naming the path when the file cannot be created or
    /// opened, is not a SQLite database, or was written by a newer Castor.
    public static func open(path: String, durability: Durability = .full) throws(CastorError) -> CastorStore {
        try createFileIfMissing(path)
        var configuration = Configuration()
        if durability == .processCrash {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "castor"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw openingError(error, path: path)
        }
        do {
            let (applied, ran) = try Schema.migrate(pool, path: path)
            return CastorStore(pool: pool, path: path, applied: applied, ran: ran)
        } catch let error as CastorError {
            throw error
        } catch {
            throw openingError(error, path: path)
        }
    }

    /// Creates an empty file readable and writable by its owner only, before SQLite does (SQLite would use
    /// 0644 less the umask). The WAL and shared-memory files SQLite adds take the same mode. `O_EXCL` makes
    /// this safe when two processes open a new file at once: neither replaces what the other created.
    private static func createFileIfMissing(_ path: String) throws(CastorError) {
        let descriptor = createExclusively(path, mode: 0o600)
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        let code = errno
        guard code != EEXIST else { return }
        let directory = (path as NSString).deletingLastPathComponent
        let reason: String
        switch code {
        case ENOENT, ENOTDIR:
            reason = "cannot create \(path): the directory \(directory.isEmpty ? "." : directory) does not exist"
        case EACCES, EPERM, EROFS:
            reason = "cannot create \(path): this user may not write in \(directory.isEmpty ? "." : directory)"
        default:
            reason = "cannot create \(path) (errno \(code))"
        }
        throw .invalid(field: "database", reason: reason)
    }

    /// Runs `body` in one read transaction (a consistent snapshot); maps every error to a `CastorError`.
    func read<T>(_ body: (Database) throws -> T) throws(CastorError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw mapError(error)
        }
    }

    /// Runs `body` in one immediate write transaction: all of it is committed, or none of it.
    func write<T>(_ body: (Database) throws -> T) throws(CastorError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw mapError(error)
        }
    }
}

/// `open(2)` with `O_CREAT | O_EXCL` (a free function: inside `CastorStore`, `open` names `open(path:)`).
private func createExclusively(_ path: String, mode: mode_t) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
}
