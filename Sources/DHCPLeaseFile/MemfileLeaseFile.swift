import DHCPCodec
import DHCPLeases
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Kea's memfile lease storage for DHCPv4, byte for byte: an append-only CSV journal (`NAME`), a compacted
/// snapshot (`NAME.2`), and the lease file cleanup (LFC) that turns the first into the second.
///
/// ```swift
/// let file = MemfileLeaseFile(path: "/var/lib/castor/kea-leases4.csv")
/// var leases = try file.load().leases     // Kea's load order, last row per address wins
/// try file.open()                          // for appending
/// try file.append([lease])                 // one write(2): on disk (page cache) before the ACK leaves
/// try file.compact()                       // LFC, with kea-lfc's file names
/// ```
///
/// Durability: a row is handed to the kernel with one `write(2)` before `append` returns, so a `kill -9`
/// of the daemon at any moment loses no lease it acknowledged (the page cache outlives the process); with
/// `syncOnAppend` it is also `fdatasync`ed, for power loss, at a cost in rate (Kea does not sync either).
///
/// Files, as kea-dhcp4 and kea-lfc use them (Kea 2.2 `Memfile_LeaseMgr::lfcSetup`, `kea-lfc`):
/// - `NAME`: the journal, one row per add/update, a deletion is the address again with lifetime 0;
/// - `NAME.1`: the journal being compacted; `NAME.2`: the last compacted snapshot;
/// - `NAME.output` → `NAME.completed` → `NAME.2`: the compaction's output as it is made durable.
/// Loading reads `NAME.completed` then `NAME` when the former exists, else `NAME.2`, `NAME.1`, `NAME`;
/// every step of `compact` leaves files that load to the same leases, so a crash anywhere loses nothing.
public final class MemfileLeaseFile {
    public let path: String
    /// Skipped rows allowed before loading fails (Kea's `max-row-errors`; 0 means no limit).
    public var maxRowErrors: Int
    public var syncOnAppend: Bool
    private var descriptor: Int32 = -1

    public struct LoadResult: Sendable {
        /// The current lease of each address (deletions applied).
        public var leases: [IPv4Address: Lease]
        public var rowsRead: Int
        public var errors: [LeaseRowError]
        /// The files read, in order.
        public var files: [String]
    }

    public init(path: String, maxRowErrors: Int = 0, syncOnAppend: Bool = false) {
        self.path = path
        self.maxRowErrors = maxRowErrors
        self.syncOnAppend = syncOnAppend
    }

    deinit { close() }

    var previous: String { path + ".1" }
    var snapshot: String { path + ".2" }
    var output: String { path + ".output" }
    var completed: String { path + ".completed" }

    // MARK: Loading

    /// Reads the lease files in Kea's order. Rows that cannot be read are skipped and reported (a torn last
    /// row after a crash is one of them); more than `maxRowErrors` of them is an error.
    public func load() throws(LeaseFileError) -> LoadResult {
        let files = exists(completed) ? [completed, path] : [snapshot, previous, path]
        var result = LoadResult(leases: [:], rowsRead: 0, errors: [], files: [])
        for file in files where exists(file) {
            try read(file, into: &result)
            result.files.append(file)
        }
        return result
    }

    private func read(_ file: String, into result: inout LoadResult) throws(LeaseFileError) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LeaseFileError(path: file, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The text after the last newline is a row only if the file ends with one; otherwise it is a row
        // torn by a crash in the middle of a write, never acknowledged: reported, not loaded.
        let torn = lines.last.map { !$0.isEmpty } ?? false
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let headerLine = lines.first else { return }  // an empty file: nothing yet
        guard let columns = MemfileRow.columns(ofHeader: headerLine) else {
            throw LeaseFileError(
                path: file, line: 1, reason: "not a Kea DHCPv4 lease file: the header must be \"\(MemfileRow.header)\"")
        }
        for (index, line) in lines.enumerated().dropFirst() {
            if line.isEmpty { continue }
            if torn && index == lines.count - 1 {
                try record(
                    LeaseRowError(path: file, line: index + 1, reason: "incomplete last row (no newline): ignored"),
                    in: &result)
                continue
            }
            do {
                let lease = try MemfileRow.lease(from: line, columns: columns)
                result.rowsRead += 1
                if lease.isDeletion {
                    result.leases[lease.address] = nil
                } else {
                    result.leases[lease.address] = lease
                }
            } catch {
                try record(LeaseRowError(path: file, line: index + 1, reason: error.description), in: &result)
            }
        }
    }

    private func record(_ error: LeaseRowError, in result: inout LoadResult) throws(LeaseFileError) {
        result.errors.append(error)
        if maxRowErrors > 0 && result.errors.count > maxRowErrors {
            throw LeaseFileError(
                path: error.path, line: error.line,
                reason: "more than max-row-errors (\(maxRowErrors)) unreadable rows; last: \(error.reason)")
        }
    }

    // MARK: Appending

    /// Opens the journal for appending, creating it with its header. A torn last row (a crash in the
    /// middle of a write) is cut off so the next row starts on a line of its own. A journal with an older
    /// header (schema 1.0/2.0) is compacted first, as Kea's conversion LFC does.
    public func open() throws(LeaseFileError) {
        close()
        if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
            let header = data.prefix(while: { $0 != UInt8(ascii: "\n") })
            if String(decoding: header, as: UTF8.self) != MemfileRow.header {
                try compact()
                return
            }
            if data.last != UInt8(ascii: "\n") {
                let keep = (data.lastIndex(of: UInt8(ascii: "\n")) ?? (data.endIndex - 1)) + 1 - data.startIndex
                guard truncate(path, off_t(keep)) == 0 else { throw failure("cannot cut the torn last row") }
            }
        }
        try openJournal()
    }

    private func openJournal() throws(LeaseFileError) {
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot open for writing") }
        descriptor = fd
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw failure("cannot stat") }
        if status.st_size == 0 {
            try write(Array((MemfileRow.header + "\n").utf8))
        }
    }

    /// Appends one row per lease with a single `write(2)`: every row is in the file when this returns.
    public func append(_ leases: [Lease]) throws(LeaseFileError) {
        guard !leases.isEmpty else { return }
        guard descriptor >= 0 else { throw LeaseFileError(path: path, reason: "not open for appending") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(leases.count * 96)
        for lease in leases {
            MemfileRow.append(lease, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        try write(bytes)
        if syncOnAppend && fdatasync(descriptor) != 0 { throw failure("fdatasync failed") }
    }

    private func write(_ bytes: [UInt8]) throws(LeaseFileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure("cannot write") }
            offset += n
        }
    }

    public func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    // MARK: Lease file cleanup

    /// What a compaction did.
    public struct CompactionReport: Sendable, Equatable {
        /// Rows read from the snapshot and the previous journal.
        public var rowsRead: Int
        /// Leases written to the new snapshot.
        public var leasesWritten: Int
    }

    /// Lease file cleanup, in process, with kea-lfc's files and steps: the journal becomes `NAME.1` and a new
    /// journal starts; `NAME.2` and `NAME.1` are merged (last row wins, deletions dropped) into
    /// `NAME.output`, made durable, renamed `NAME.completed`, then `NAME.2`; `NAME.1` is removed.
    @discardableResult
    public func compact() throws(LeaseFileError) -> CompactionReport {
        let wasOpen = descriptor >= 0
        // A compaction interrupted after its output was complete: finish it first.
        if exists(completed) {
            try rename(completed, snapshot)
            unlink(previous)
            syncDirectory()
        }
        if !exists(previous) {
            close()
            if exists(path) { try rename(path, previous) }
            syncDirectory()
            try openJournal()
        } else if !wasOpen {
            try openJournal()
        }

        var merged = LoadResult(leases: [:], rowsRead: 0, errors: [], files: [])
        for file in [snapshot, previous] where exists(file) { try read(file, into: &merged) }

        var bytes = Array((MemfileRow.header + "\n").utf8)
        for lease in merged.leases.values.sorted(by: { $0.address < $1.address }) {
            MemfileRow.append(lease, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        let fd = Glibc.open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw LeaseFileError(path: output, reason: "cannot create: \(String(cString: strerror(errno)))")
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                Glibc.close(fd)
                throw LeaseFileError(path: output, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        let synced = fsync(fd) == 0
        Glibc.close(fd)
        guard synced else { throw LeaseFileError(path: output, reason: "fsync failed") }
        try rename(output, completed)
        syncDirectory()
        try rename(completed, snapshot)
        unlink(previous)
        syncDirectory()
        return CompactionReport(rowsRead: merged.rowsRead, leasesWritten: merged.leases.count)
    }

    // MARK: Files

    private func exists(_ file: String) -> Bool { access(file, F_OK) == 0 }

    private func rename(_ from: String, _ to: String) throws(LeaseFileError) {
        guard Glibc.rename(from, to) == 0 else {
            throw LeaseFileError(path: from, reason: "cannot rename to \(to): \(String(cString: strerror(errno)))")
        }
    }

    /// Makes renames durable (a rename is an update of the directory).
    private func syncDirectory() {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = Glibc.open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            Glibc.close(fd)
        }
    }

    private func failure(_ what: String) -> LeaseFileError {
        LeaseFileError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}
