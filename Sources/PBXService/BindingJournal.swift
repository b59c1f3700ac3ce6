import CastorModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The bindings' write-ahead journal: every binding change is appended here, on the event loop, before the
/// 200 OK that acknowledges it leaves; the store is brought up to date behind it by ``BindingWriter``.
///
/// A `write(2)` to a file is in the kernel when it returns, so an acknowledged registration survives
/// `kill -9` of the daemon (not a power loss: the store's own commits, `synchronous = NORMAL`, do not
/// either). It costs one system call per batch, where a SQLite commit on the loop would cost a transaction
/// and, every thousand pages, a checkpoint with two `fsync`s (tens of milliseconds here): the reason the
/// store is written behind. At start, ``replay(path:)`` reads what a stopped or killed PBX left and the
/// service applies it to the store before loading the bindings.
///
/// Files: `<store>-bindings.journal`, and `….1` while a rotated journal waits for the store to catch up.
/// One change per line, fields separated by tabs (`\\`, tab and newline escaped, `\N` for nil):
///
/// ```text
/// castor-bindings 1
/// S	<line id>	<username>	<contact>	<target>	<transport>	<source address>	<source port>	<call-id>	<cseq>	<registered at>	<expires at>	<user agent>	<q>	<instance>
/// R	<line id>	<contact>
/// ```
final class BindingJournal {
    static let header = "castor-bindings 1\n"
    /// Beyond this size the journal is rotated, once the store holds everything the previous one had.
    let rotationSize: Int

    let path: String
    var rotatedPath: String { path + ".1" }
    private var descriptor: Int32
    private var size: Int
    /// Batches appended so far (each `append` returns its number) and the last one the rotated file holds.
    private(set) var appended: UInt64 = 0
    private var rotatedThrough: UInt64?
    private var buffer: [UInt8] = []

    /// Opens (creating, mode 0600: contacts and source addresses) the journal at `path`, empty.
    init(path: String, rotationSize: Int = 4 << 20) throws {
        self.path = path
        self.rotationSize = rotationSize
        self.descriptor = -1
        self.size = 0
        descriptor = try Self.create(path)
        size = Self.header.utf8.count
        rotatedThrough = FileManager.default.fileExists(atPath: rotatedPath) ? 0 : nil
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The journal files of a store (for start-up replay and for tests).
    static func path(forStore store: String) -> String { store + "-bindings.journal" }

    /// Appends one batch of changes with one `write(2)`; returns the batch's number, or throws when the
    /// kernel refused the write (disk full…): then the 200s that depend on it must not leave.
    func append(_ changes: [SIPBindingChange]) throws -> UInt64 {
        buffer.removeAll(keepingCapacity: true)
        for change in changes { Self.encode(change, into: &buffer) }
        let count = buffer.count
        let written = buffer.withUnsafeBytes { bytes -> Int in
            var offset = 0
            while offset < count {
                let result = write(descriptor, bytes.baseAddress! + offset, count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return -Int(errno)
                }
                offset += result
            }
            return offset
        }
        guard written == count else {
            // A partial line may be in the file: the replay skips a line it cannot read; end it so the next
            // batch starts on a line of its own.
            _ = "\n".withCString { Glibc.write(descriptor, $0, 1) }
            throw Failure(description: "cannot append to \(path): \(String(cString: strerror(Int32(-written))))")
        }
        size += count
        appended += 1
        return appended
    }

    /// The store now holds every batch up to `batch`: drop what no longer needs replaying, and rotate a
    /// journal grown past `rotationSize`.
    func stored(through batch: UInt64) {
        if let rotated = rotatedThrough, rotated <= batch {
            unlink(rotatedPath)
            rotatedThrough = nil
        }
        if batch == appended, size > Self.header.utf8.count, rotatedThrough == nil {
            // Everything is in the store: start the journal afresh in place.
            if ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 {
                _ = Self.header.withCString { Glibc.write(descriptor, $0, strlen($0)) }
                size = Self.header.utf8.count
            }
            return
        }
        if size >= rotationSize, rotatedThrough == nil, rename(path, rotatedPath) == 0 {
            close(descriptor)
            descriptor = -1
            rotatedThrough = appended
            if let fresh = try? Self.create(path) {
                descriptor = fresh
                size = Self.header.utf8.count
            } else {
                // Keep writing where we were: move the file back.
                rename(rotatedPath, path)
                rotatedThrough = nil
                descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private static func create(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        let written = header.withCString { Glibc.write(descriptor, $0, strlen($0)) }
        guard written == header.utf8.count else {
            close(descriptor)
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    // MARK: Replay

    /// What a journal file holds, oldest first; lines that cannot be read (a torn last line after a crash,
    /// a damaged file) are reported as `file:line: reason` and skipped.
    static func replay(path: String) throws -> (changes: [SIPBindingChange], problems: [String]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw Failure(description: "cannot read \(path)")
            }
            return ([], [])
        }
        var changes: [SIPBindingChange] = []
        var problems: [String] = []
        let bytes = [UInt8](data)
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                problems.append("\(path):\(lineNumber): incomplete last line (written when the PBX stopped)")
                break
            }
            let line = bytes[start..<end]
            start = end + 1
            if lineNumber == 1 {
                if Array(line) + [UInt8(ascii: "\n")] != Array(header.utf8) {
                    problems.append("\(path):1: not a castor bindings journal")
                    return (changes, problems)
                }
                continue
            }
            if line.isEmpty { continue }
            if let change = decode(line) {
                changes.append(change)
            } else {
                problems.append("\(path):\(lineNumber): unreadable change")
            }
        }
        return (changes, problems)
    }

    // MARK: Encoding

    static func encode(_ change: SIPBindingChange, into out: inout [UInt8]) {
        switch change {
        case .save(let b):
            out.append(UInt8(ascii: "S"))
            field(String(b.lineID), into: &out)
            field(b.username, into: &out)
            field(b.contact, into: &out)
            field(b.target, into: &out)
            field(b.transport, into: &out)
            field(b.sourceAddress, into: &out)
            field(String(b.sourcePort), into: &out)
            field(b.callID, into: &out)
            field(String(b.cseq), into: &out)
            field(String(b.registeredAt), into: &out)
            field(String(b.expiresAt), into: &out)
            field(b.userAgent, into: &out)
            field(b.q.map { String($0) }, into: &out)
            field(b.instance, into: &out)
        case .remove(let lineID, let contact):
            out.append(UInt8(ascii: "R"))
            field(String(lineID), into: &out)
            field(contact, into: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }

    private static func field(_ value: String?, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\t"))
        guard var text = value else {
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "N"))
            return
        }
        text.withUTF8 { utf8 in
            guard
                utf8.contains(where: {
                    $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n")
                        || $0 == UInt8(ascii: "\r")
                })
            else {
                out.append(contentsOf: utf8)
                return
            }
            escape(utf8, into: &out)
        }
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default: out.append(byte)
            }
        }
    }

    static func decode(_ line: ArraySlice<UInt8>) -> SIPBindingChange? {
        let parts = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard let kind = parts.first, kind.count == 1 else { return nil }
        var fields: [String?] = []
        fields.reserveCapacity(parts.count - 1)
        for part in parts.dropFirst() {
            guard let value = unescape(part) else { return nil }
            fields.append(value)
        }
        func text(_ index: Int) -> String? { fields[index] }
        switch kind.first {
        case UInt8(ascii: "S"):
            guard fields.count == 14, let lineID = text(0).flatMap({ Int64($0) }), let username = text(1),
                let contact = text(2), let target = text(3), let transport = text(4), let address = text(5),
                let port = text(6).flatMap({ Int($0) }), let callID = text(7),
                let cseq = text(8).flatMap({ UInt32($0) }), let registeredAt = text(9).flatMap({ Double($0) }),
                let expiresAt = text(10).flatMap({ Double($0) })
            else { return nil }
            var q: Double?
            if let value = text(12) {
                guard let parsed = Double(value) else { return nil }
                q = parsed
            }
            return .save(
                SIPBinding(
                    lineID: lineID, username: username, contact: contact, target: target, transport: transport,
                    sourceAddress: address, sourcePort: port, callID: callID, cseq: cseq, registeredAt: registeredAt,
                    expiresAt: expiresAt, userAgent: text(11), q: q, instance: text(13)))
        case UInt8(ascii: "R"):
            guard fields.count == 2, let lineID = text(0).flatMap({ Int64($0) }), let contact = text(1) else {
                return nil
            }
            return .remove(lineID: lineID, contact: contact)
        default:
            return nil
        }
    }

    /// A field's text; `.some(nil)` for `\N`, nil for a bad escape.
    private static func unescape(_ raw: ArraySlice<UInt8>) -> String?? {
        if raw.elementsEqual([UInt8(ascii: "\\"), UInt8(ascii: "N")]) { return .some(nil) }
        guard raw.contains(UInt8(ascii: "\\")) else { return .some(String(decoding: raw, as: UTF8.self)) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
            default: return nil
            }
        }
        return .some(String(decoding: out, as: UTF8.self))
    }
}
