import CastorModel
import CastorStore
import Foundation
import Logging
import Testing

@testable import PBXService

/// The bindings journal: what is appended is what a replay reads, whatever the strings hold; a torn last
/// line (a kill in the middle of a write) or a damaged line is reported and skipped; the journal empties
/// itself once the store holds everything, and rotates while the store lags.
@Suite("bindings journal")
struct BindingJournalTests {
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "castor-journal-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func binding(_ n: Int, contact: String? = nil, userAgent: String? = "Snom D715", q: Double? = nil)
        -> SIPBinding
    {
        SIPBinding(
            lineID: Int64(n), username: "10\(n)", contact: contact ?? "sip:10\(n)@192.0.2.\(n):5060",
            target: "sip:10\(n)@198.51.100.\(n):40000", transport: "udp", sourceAddress: "198.51.100.\(n)",
            sourcePort: 40000 + n, callID: "call-\(n)@host", cseq: UInt32(n), registeredAt: 1_700_000_000.25,
            expiresAt: 1_700_003_600.125, userAgent: userAgent, q: q, instance: nil)
    }

    @Test("changes read back exactly, with tabs, newlines, backslashes and non-ASCII in the strings")
    func roundTrip() throws {
        let path = try Self.directory() + "/j"
        let journal = try BindingJournal(path: path)
        var odd = Self.binding(2, contact: "<sip:x@h>;a=\"t\\ab\tc\nd\r\"", userAgent: "Zoé\\N \\N", q: 0.7)
        odd.instance = "<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>"
        let changes: [SIPBindingChange] = [
            .save(Self.binding(1)), .save(odd), .remove(lineID: 1, contact: "sip:101@192.0.2.1:5060"),
            .save(Self.binding(3, userAgent: nil)),
        ]
        #expect(try journal.append(Array(changes[0..<2])) == 1)
        #expect(try journal.append(Array(changes[2...])) == 2)
        let replayed = try BindingJournal.replay(path: path)
        #expect(replayed.problems.isEmpty)
        #expect(replayed.changes == changes)
    }

    @Test("a torn last line and a damaged line are skipped and named by line number")
    func tornAndDamaged() throws {
        let path = try Self.directory() + "/j"
        let journal = try BindingJournal(path: path)
        _ = try journal.append([.save(Self.binding(1))])
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("S\tnot-a-number\tx\n".utf8))
        handle.write(Data("R\t5\tsip:105@h\n".utf8))
        handle.write(Data("S\t7\t107\tsip:107@h".utf8))  // killed mid-write
        handle.closeFile()
        let replayed = try BindingJournal.replay(path: path)
        #expect(replayed.changes == [.save(Self.binding(1)), .remove(lineID: 5, contact: "sip:105@h")])
        #expect(
            replayed.problems == [
                "\(path):3: unreadable change", "\(path):5: incomplete last line (written when the PBX stopped)",
            ])
    }

    @Test("a file that is not a journal is refused at its first line; a missing one is empty")
    func notAJournal() throws {
        let directory = try Self.directory()
        try Data("hello\nS\t1\n".utf8).write(to: URL(fileURLWithPath: directory + "/other"))
        let replayed = try BindingJournal.replay(path: directory + "/other")
        #expect(replayed.changes.isEmpty)
        #expect(replayed.problems == ["\(directory)/other:1: not a castor bindings journal"])
        #expect(try BindingJournal.replay(path: directory + "/missing").changes.isEmpty)
    }

    @Test("once the store holds every batch the journal starts afresh; while it lags, a big journal rotates")
    func emptyingAndRotation() throws {
        let path = try Self.directory() + "/j"
        let journal = try BindingJournal(path: path, rotationSize: 400)
        _ = try journal.append([.save(Self.binding(1))])
        let second = try journal.append([.save(Self.binding(2))])
        journal.stored(through: second)
        #expect(try BindingJournal.replay(path: path).changes.isEmpty)

        // The store lags: batches 3–6 appended, only 3 stored; past 400 bytes the journal rotates to .1.
        var last: UInt64 = 0
        for n in 3...6 { last = try journal.append([.save(Self.binding(n))]) }
        journal.stored(through: 3)
        #expect(FileManager.default.fileExists(atPath: path + ".1"))
        #expect(try BindingJournal.replay(path: path + ".1").changes.count == 4)
        let seventh = try journal.append([.save(Self.binding(7))])
        #expect(try BindingJournal.replay(path: path).changes == [.save(Self.binding(7))])
        // The rotated file goes once the store holds its last batch; the current one once it holds all.
        journal.stored(through: last)
        #expect(!FileManager.default.fileExists(atPath: path + ".1"))
        #expect(try BindingJournal.replay(path: path).changes.count == 1)
        journal.stored(through: seventh)
        #expect(try BindingJournal.replay(path: path).changes.isEmpty)
    }

    @Test("at start, what the journal holds reaches the store (a change it refuses is skipped), then it is empty")
    func replayAtStart() throws {
        let directory = try Self.directory()
        let store = try CastorStore.open(path: directory + "/castor.db")
        _ = try store.apply(.standard)
        let line = try store.line(exten: "1001", context: nil)
        let lineID = try #require(line.id)
        var mine = Self.binding(1)
        mine.lineID = lineID
        mine.expiresAt = Date().timeIntervalSince1970 + 3600
        var orphan = Self.binding(2)
        orphan.lineID = 999_999  // no such line: the store refuses it
        let path = BindingJournal.path(forStore: store.path)
        // What a killed PBX leaves: a rotated journal and a current one, the last line torn.
        let rotated = try BindingJournal(path: path + ".1")
        _ = try rotated.append([.save(orphan), .save(Self.binding(3))])
        let current = try BindingJournal(path: path)
        _ = try current.append([.remove(lineID: 3, contact: Self.binding(3).contact), .save(mine)])
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("S\t1".utf8))
        handle.closeFile()
        // The console, with no PBX running, already sees the journal's binding.
        #expect(try PBXService.bindings(store: store, unexpiredAt: Date().timeIntervalSince1970).contains(mine))
        #expect(try store.bindings(unexpiredAt: 0).isEmpty)

        var logger = Logger(label: "journal-test")
        logger.logLevel = .critical
        _ = try PBXService.replayJournal(store: store, logger: logger)
        #expect(try store.bindings(unexpiredAt: 0) == [mine])
        #expect(!FileManager.default.fileExists(atPath: path + ".1"))
        #expect(try BindingJournal.replay(path: path).changes.isEmpty)
    }
}

/// The writer stores only the last change of each binding in a group.
@Suite("binding writer")
struct BindingWriterTests {
    @Test("only the last change per (line, contact) of a group is kept, in order")
    func lastPerBinding() {
        let a1 = BindingJournalTests.binding(1)
        var a2 = a1
        a2.cseq = 99
        let b = BindingJournalTests.binding(2)
        let changes: [SIPBindingChange] = [
            .save(a1), .save(b), .remove(lineID: 2, contact: b.contact), .save(a2), .remove(lineID: 3, contact: "x"),
        ]
        #expect(
            BindingWriter.lastPerBinding(changes) == [
                .remove(lineID: 2, contact: b.contact), .save(a2), .remove(lineID: 3, contact: "x"),
            ])
        #expect(BindingWriter.lastPerBinding([.save(a1), .save(b)]) == [.save(a1), .save(b)])
    }
}
