import DHCPCodec
import DHCPLeases
import Foundation
import Testing

@testable import DHCPLeaseFile

func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "castor-leases-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func lease(_ last: UInt8, mac: UInt8? = nil, valid: UInt32 = 3600, expire: Int64 = 4_000_000_000, host: String = "")
    -> Lease
{
    Lease(
        address: IPv4Address(10, 20, 0, last), hardwareAddress: [0x00, 0x04, 0x13, 0xaa, 0xbb, mac ?? last],
        validLifetime: valid, expire: expire, subnetID: 1, hostname: host)
}

func contents(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

@Suite struct MemfileLeaseFileTests {
    @Test func appendThenLoadKeepsTheLastRowOfEachAddress() throws {
        let dir = try temporaryDirectory()
        let file = MemfileLeaseFile(path: dir + "/leases4.csv")
        try file.open()
        try file.append([lease(10), lease(11)])
        try file.append([lease(10, valid: 7200, expire: 4_000_003_600)])
        try file.append([lease(11).deletion])
        file.close()

        #expect(contents(dir + "/leases4.csv").hasPrefix(MemfileRow.header + "\n"))
        let loaded = try MemfileLeaseFile(path: dir + "/leases4.csv").load()
        #expect(loaded.leases.count == 1)
        #expect(loaded.leases[IPv4Address(10, 20, 0, 10)]?.validLifetime == 7200)
        #expect(loaded.rowsRead == 4)
        #expect(loaded.errors.isEmpty)
    }

    @Test func aTornLastRowIsIgnoredAndCutOffOnOpen() throws {
        let dir = try temporaryDirectory()
        let path = dir + "/leases4.csv"
        let file = MemfileLeaseFile(path: path)
        try file.open()
        try file.append([lease(10)])
        file.close()
        // A crash in the middle of a write leaves part of a row without its newline.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("10.20.0.11,00:04:13:aa:bb:0b,,36".utf8))
        try handle.close()

        let loaded = try MemfileLeaseFile(path: path).load()
        #expect(loaded.leases.keys.sorted() == [IPv4Address(10, 20, 0, 10)])
        #expect(loaded.errors.count == 1)
        #expect(loaded.errors.first?.line == 3)

        let reopened = MemfileLeaseFile(path: path)
        try reopened.open()
        try reopened.append([lease(12)])
        reopened.close()
        let again = try MemfileLeaseFile(path: path).load()
        #expect(again.errors.isEmpty)
        #expect(again.leases.keys.sorted() == [IPv4Address(10, 20, 0, 10), IPv4Address(10, 20, 0, 12)])
    }

    @Test func badRowsAreSkippedUpToMaxRowErrors() throws {
        let dir = try temporaryDirectory()
        let path = dir + "/leases4.csv"
        try
            (MemfileRow.header + "\n" + "garbage\n" + MemfileRow.line(for: lease(5)) + "\n"
            + "10.20.0.6,nope,,1,1,1,0,0,,0,\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let lenient = try MemfileLeaseFile(path: path).load()
        #expect(lenient.leases.count == 1)
        #expect(lenient.errors.map(\.line) == [2, 4])
        #expect(throws: LeaseFileError.self) { try MemfileLeaseFile(path: path, maxRowErrors: 1).load() }
    }

    @Test func aFileThatIsNotALeaseFileIsRefusedWithItsName() throws {
        let dir = try temporaryDirectory()
        let path = dir + "/leases4.csv"
        try "hello,world\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try MemfileLeaseFile(path: path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(path + ":1: not a Kea DHCPv4 lease file"))
        }
    }

    @Test func compactionMergesSnapshotAndJournalAndDropsDeletions() throws {
        let dir = try temporaryDirectory()
        let path = dir + "/leases4.csv"
        let file = MemfileLeaseFile(path: path)
        try file.open()
        try file.append([lease(1), lease(2), lease(3)])
        try file.append([lease(2).deletion, lease(1, valid: 60, expire: 4_000_000_100)])
        let report = try file.compact()
        #expect(report == .init(rowsRead: 5, leasesWritten: 2))
        // Journal restarted with only its header; the snapshot holds the two leases, in address order.
        #expect(contents(path) == MemfileRow.header + "\n")
        #expect(
            contents(path + ".2")
                == [
                    MemfileRow.header, MemfileRow.line(for: lease(1, valid: 60, expire: 4_000_000_100)),
                    MemfileRow.line(for: lease(3)),
                ]
                .joined(separator: "\n") + "\n")
        #expect(!FileManager.default.fileExists(atPath: path + ".1"))

        try file.append([lease(4)])
        try file.compact()
        file.close()
        let loaded = try MemfileLeaseFile(path: path).load()
        #expect(loaded.leases.keys.sorted() == [1, 3, 4].map { IPv4Address(10, 20, 0, $0) })
    }

    /// Every intermediate state of a compaction, as a crash would leave it, loads to the same leases,
    /// and the next open/compact finishes the job.
    @Test(arguments: ["journal-renamed", "output-written", "completed", "snapshot-renamed"])
    func aCrashAtAnyStepOfCompactionLosesNothing(step: String) throws {
        let dir = try temporaryDirectory()
        let path = dir + "/leases4.csv"
        let header = MemfileRow.header + "\n"
        func rows(_ leases: [Lease]) -> String { header + leases.map { MemfileRow.line(for: $0) + "\n" }.joined() }
        let old = rows([lease(1), lease(2)])  // the previous snapshot
        let journal = rows([lease(3), lease(2).deletion])  // the journal being compacted
        let merged = rows([lease(1), lease(3)])
        let fresh = rows([lease(4)])  // written to the new journal after the rename
        let m = FileManager.default
        try old.write(toFile: path + ".2", atomically: true, encoding: .utf8)
        switch step {
        case "journal-renamed":
            try journal.write(toFile: path + ".1", atomically: true, encoding: .utf8)
        case "output-written":
            try journal.write(toFile: path + ".1", atomically: true, encoding: .utf8)
            try merged.write(toFile: path + ".output", atomically: true, encoding: .utf8)
        case "completed":
            try journal.write(toFile: path + ".1", atomically: true, encoding: .utf8)
            try merged.write(toFile: path + ".completed", atomically: true, encoding: .utf8)
        default:  // snapshot renamed, .1 not yet removed
            try m.removeItem(atPath: path + ".2")
            try merged.write(toFile: path + ".2", atomically: true, encoding: .utf8)
            try journal.write(toFile: path + ".1", atomically: true, encoding: .utf8)
        }
        try fresh.write(toFile: path, atomically: true, encoding: .utf8)

        let expected = [1, 3, 4].map { IPv4Address(10, 20, 0, $0) }
        #expect(try MemfileLeaseFile(path: path).load().leases.keys.sorted() == expected)

        let file = MemfileLeaseFile(path: path)
        try file.open()
        try file.compact()
        try file.compact()
        file.close()
        #expect(try MemfileLeaseFile(path: path).load().leases.keys.sorted() == expected)
        #expect(!m.fileExists(atPath: path + ".completed"))
        #expect(!m.fileExists(atPath: path + ".output") || step == "output-written")
    }

    @Test func anOlderHeaderIsConvertedOnOpen() throws {
        let dir = try temporaryDirectory()
        let path = dir + "/leases4.csv"
        try
            "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname\n10.20.0.7,00:04:13:aa:bb:07,,3600,4000000000,1,0,0,old\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let file = MemfileLeaseFile(path: path)
        try file.open()
        try file.append([lease(8)])
        file.close()
        #expect(contents(path + ".2").hasPrefix(MemfileRow.header + "\n"))
        let loaded = try MemfileLeaseFile(path: path).load()
        #expect(loaded.leases[IPv4Address(10, 20, 0, 7)]?.hostname == "old")
        #expect(loaded.leases.count == 2)
    }
}
