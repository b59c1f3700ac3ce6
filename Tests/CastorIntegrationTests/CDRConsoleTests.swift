import Foundation
import Testing

/// `castor cli -x "cdr show"` over the store: the header and the count on a fresh data dir, and the rows of
/// records written there (with the sqlite3 shell, as this target does not link the store).
@Suite struct CDRConsoleTests {
    static let sqlite3 = "/usr/bin/sqlite3"

    @Test func cdrShowOnAFreshDataDirPrintsTheHeaderAndNoCalls() throws {
        let dir = try Harness.dataDir()
        let output = try Harness.castor("cli", "--data-dir", dir, "-x", "cdr show")
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first?.split(separator: " ", omittingEmptySubsequences: true) == [
                "START", "CALLER", "CALLEE", "CONTEXT", "DISPOSITION", "DURATION", "BILLSEC", "CODECS", "LOSS",
            ])
        #expect(lines.last == "0 calls")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: sqlite3)))
    func cdrShowListsStoredCallsNewestFirst() throws {
        let dir = try Harness.dataDir()
        // Creates and migrates the database.
        try #require(try Harness.castor("cli", "--data-dir", dir, "-x", "cdr show").status == 0)
        let insert = try Harness.run(
            Self.sqlite3,
            [
                dir + "/castor.db",
                """
                INSERT INTO cdr (call_id, caller, callee, caller_context, start, answer, "end", disposition, duration,
                    billsec, caller_codec, callee_codec, caller_lost, callee_lost)
                VALUES ('a', '1001', '1002', 'comptabilite', 1750000000.5, 1750000002.0, 1750000062.9, 'ANSWERED',
                    62, 60, 'PCMU', 'PCMA', 3, 1);
                INSERT INTO cdr (call_id, caller, callee, caller_context, start, "end", disposition, duration,
                    billsec, caller_codec)
                VALUES ('b', '1002', '2001', 'comptabilite', 1750000100.0, 1750000104.0, 'BUSY', 4, 0, 'PCMU');
                """,
            ])
        try #require(insert.status == 0, "\(insert.stderr)")

        let output = try Harness.castor("cli", "--data-dir", dir, "-x", "cdr show")
        #expect(output.status == 0, "\(output.stderr)")
        let rows = output.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        try #require(rows.count == 4, "\(output.stdout)")
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let busyStart = local.string(from: Date(timeIntervalSince1970: 1_750_000_100)).split(separator: " ")
        #expect(
            rows[1] == busyStart.map(String.init) + ["1002", "2001", "comptabilite", "BUSY", "4", "0", "PCMU", "0/0"])
        #expect(
            Array(rows[2].dropFirst(2)) == ["1001", "1002", "comptabilite", "ANSWERED", "62", "60", "PCMU/PCMA", "3/1"])
        #expect(rows[3] == ["2", "calls"])
    }
}
