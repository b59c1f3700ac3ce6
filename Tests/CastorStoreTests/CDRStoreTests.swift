import CastorModel
import Foundation
import Testing

@testable import CastorStore

@Suite("Call detail records")
struct CDRStoreTests {
    /// 2025-06-15 15:06:40 UTC, and seconds after it.
    static let t0 = 1_750_000_000.0

    /// A call from `caller` to 1002 starting `at` seconds after `t0`; answered 2.5 s later and 60.4 s long
    /// when `disposition` is `.answered`, else ended 8 s after the start.
    static func record(
        _ caller: String = "1001", at offset: Double = 0, _ disposition: CallDetailRecord.Disposition = .answered
    ) -> CallDetailRecord {
        let start = t0 + offset
        let answered = disposition == .answered
        return CallDetailRecord(
            callID: "call-\(caller)-\(offset)", caller: caller, callerName: "Line \(caller)", callee: "1002",
            calleeLine: "1002", callerContext: "comptabilite", calleeContext: "comptabilite", start: start,
            answer: answered ? start + 2.5 : nil, end: answered ? start + 62.9 : start + 8,
            disposition: disposition, sipStatus: answered ? 200 : 486, hangupBy: answered ? "caller" : "callee",
            callerCodec: "PCMU", calleeCodec: answered ? "PCMA" : nil, callerPackets: 3_020, callerLost: 3,
            callerJitterMs: 1.25, calleePackets: 3_018, calleeLost: 0, calleeJitterMs: 0.5)
    }

    /// `record` as the store gives it back: with `id`.
    static func stored(_ record: CallDetailRecord, id: Int64) -> CallDetailRecord {
        var copy = record
        copy.id = id
        return copy
    }

    @Test("records read back whole, with ids, duration and billsec; an input id is ignored")
    func insertAndReadBack() throws {
        let fixture = try StoreFixture()
        var busy = Self.record("1003", at: 10, .busy)
        busy.id = 77
        let answered = Self.record("1001", at: 0)
        try fixture.store.insertCDRs([answered, busy])

        let read = try fixture.store.cdrs(limit: 10)
        #expect(read == [Self.stored(busy, id: 2), Self.stored(answered, id: 1)])
        #expect(read.map(\.duration) == [8, 62])
        #expect(read.map(\.billsec) == [0, 60])
        #expect(try fixture.store.cdrCount() == 2)
        // The stored columns agree with the model (reports sum them in SQL).
        let sums = try fixture.store.read { db in
            try [
                Int.fetchOne(db, sql: "SELECT sum(duration) FROM cdr"),
                Int.fetchOne(db, sql: "SELECT sum(billsec) FROM cdr"),
            ]
        }
        #expect(sums == [70, 60])
    }

    @Test("an empty batch writes nothing; one bad record refuses the whole batch, naming it")
    func batchIsAllOrNothing() throws {
        let fixture = try StoreFixture()
        try fixture.store.insertCDRs([])
        var backwards = Self.record("1002", at: 5)
        backwards.end = backwards.start - 1
        let error = failure { try fixture.store.insertCDRs([Self.record(), backwards]) }
        #expect(error?.field == "cdrs[1].end")
        var unanswered = Self.record("1002", at: 5, .noAnswer)
        unanswered.answer = unanswered.start + 1
        #expect(failure { try fixture.store.insertCDRs([unanswered]) }?.field == "cdrs[0].answer")
        var negative = Self.record()
        negative.calleeLost = -1
        #expect(failure { try fixture.store.insertCDRs([negative]) }?.field == "cdrs[0].callee_lost")
        #expect(try fixture.store.cdrCount() == 0)
    }

    @Test("newest first by start, whatever the order of insertion; equal starts by id")
    func newestFirst() throws {
        let fixture = try StoreFixture()
        // Calls are written as they end: a long call started first can be written last.
        try fixture.store.insertCDRs([Self.record("1001", at: 30), Self.record("1002", at: 10)])
        try fixture.store.insertCDRs([Self.record("1003", at: 20), Self.record("1004", at: 0)])
        try fixture.store.insertCDRs([Self.record("1005", at: 20)])
        #expect(try fixture.store.cdrs(limit: 10).map(\.caller) == ["1001", "1005", "1003", "1002", "1004"])
        #expect(try fixture.store.cdrs(limit: 2).map(\.caller) == ["1001", "1005"])
    }

    @Test("paging with before continues after the last record seen, and stays put while rows are added")
    func paging() throws {
        let fixture = try StoreFixture()
        try fixture.store.insertCDRs((0..<5).map { Self.record("100\($0)", at: Double($0) * 10) })
        let first = try fixture.store.cdrs(limit: 2)
        #expect(first.map(\.caller) == ["1004", "1003"])
        // A call ending meanwhile lands before the first page, not in the next one.
        try fixture.store.insertCDRs([Self.record("1009", at: 100)])
        let second = try fixture.store.cdrs(limit: 2, before: first.last?.id)
        #expect(second.map(\.caller) == ["1002", "1001"])
        let third = try fixture.store.cdrs(limit: 2, before: second.last?.id)
        #expect(third.map(\.caller) == ["1000"])
        #expect(try fixture.store.cdrs(limit: 2, before: third.last?.id) == [])

        let unknown = failure { try fixture.store.cdrs(limit: 2, before: 999) }
        #expect(unknown?.field == "before")
        #expect(failure { try fixture.store.cdrs(limit: 0) }?.field == "limit")
    }

    @Test("filters by caller and by disposition, in the list, the paging and the count")
    func filters() throws {
        let fixture = try StoreFixture()
        try fixture.store.insertCDRs([
            Self.record("1001", at: 0), Self.record("1002", at: 10, .busy), Self.record("1001", at: 20, .noAnswer),
            Self.record("1001", at: 30), Self.record("1002", at: 40, .failed),
        ])
        let alice = try fixture.store.cdrs(limit: 10, caller: "1001")
        #expect(alice.map(\.start) == [30, 20, 0].map { Self.t0 + $0 })
        #expect(try fixture.store.cdrCount(caller: "1001") == 3)
        #expect(try fixture.store.cdrs(limit: 10, disposition: .busy).map(\.caller) == ["1002"])
        #expect(try fixture.store.cdrCount(disposition: .answered) == 2)
        let answeredByAlice = try fixture.store.cdrs(limit: 1, caller: "1001", disposition: .answered)
        #expect(answeredByAlice.map(\.start) == [Self.t0 + 30])
        let next = try fixture.store.cdrs(
            limit: 1, before: answeredByAlice.last?.id, caller: "1001", disposition: .answered)
        #expect(next.map(\.start) == [Self.t0])
        #expect(try fixture.store.cdrCount(caller: "1001", disposition: .answered) == 2)
        #expect(try fixture.store.cdrs(limit: 10, caller: "100").isEmpty, "the caller matches exactly")
        #expect(try fixture.store.cdrCount(caller: "9999", disposition: .congestion) == 0)
    }

    @Test("a v3 database (bindings, no cdr table) migrates to v4 and keeps its data")
    func migrationFromV3() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("v3.db").path
        try Schema.createFile(
            path: path, upTo: "v3",
            then: """
                INSERT INTO context (entity_id, name, display_name, type)
                    VALUES (1, 'comptabilite', 'Comptabilité', 'internal');
                INSERT INTO context_range (context_id, kind, start, "end") VALUES (1, 'user', '1000', '1099');
                INSERT INTO line (username, secret, context_id, codecs, transport, max_contacts)
                    VALUES ('1001', 'secret-1001', 1, 'ulaw,alaw', 'udp', 3);
                INSERT INTO extension (context_id, exten, kind, line_id) VALUES (1, '1001', 'user', 1);
                INSERT INTO sip_binding (line_id, username, contact, target, transport, source_address, source_port,
                    call_id, cseq, registered_at, expires_at)
                    VALUES (1, '1001', 'sip:1001@192.0.2.10', 'sip:1001@192.0.2.10', 'udp', '192.0.2.10', 5060,
                    'reg-1', 3, 1750000000, 1750003600);
                """)
        let store = try CastorStore.open(path: path)
        #expect(store.migrationsRunAtOpen == ["v4", "v5"])
        #expect(store.appliedMigrations == ["v1", "v2", "v3", "v4", "v5"])
        let line = try store.line(exten: "1001", context: "comptabilite")
        #expect(line.username == "1001")
        #expect(line.codecs == ["ulaw", "alaw"])
        #expect(try store.bindings(unexpiredAt: 0).map(\.contact) == ["sip:1001@192.0.2.10"])
        #expect(try store.cdrCount() == 0)
        try store.insertCDRs([Self.record()])
        #expect(try CastorStore.open(path: path).cdrs(limit: 5).map(\.caller) == ["1001"])
    }

    @Test("duration and billsec count whole seconds as Asterisk does: truncated, at microsecond resolution")
    func wholeSeconds() {
        let t0 = Self.t0
        #expect(CallDetailRecord.wholeSeconds(from: t0, to: t0 + 59.9) == 59)
        #expect(CallDetailRecord.wholeSeconds(from: t0, to: t0 + 60) == 60)
        // A Double near 1.75e9 s is off by up to a few tenths of a µs: not enough to lose a second.
        #expect(CallDetailRecord.wholeSeconds(from: t0 + 0.000_000_2, to: t0 + 60) == 60)
        #expect(CallDetailRecord.wholeSeconds(from: t0 + 0.7, to: t0 + 1.2) == 0)
        #expect(CallDetailRecord.wholeSeconds(from: t0 + 5, to: t0) == 0)
        #expect(CallDetailRecord.wholeSeconds(from: 0, to: .infinity) == 0)
        #expect(CallDetailRecord.wholeSeconds(from: 0, to: 1e300) > 0, "absurd, but no trap")

        var call = Self.record()
        call.answer = call.start + 0.6
        call.end = call.start + 10.5
        #expect(call.duration == 10)
        #expect(call.billsec == 9)
        #expect(call.billsec <= call.duration)
        #expect(Self.record("1001", at: 0, .busy).billsec == 0)
    }

    @Test("a final SIP status maps to Asterisk's disposition; an answer or a CANCEL decides first")
    func dispositionOfAStatus() {
        let cases: [(Int, CallDisposition)] = [
            (200, .answered), (486, .busy), (600, .busy), (487, .noAnswer), (480, .noAnswer), (408, .noAnswer),
            (503, .congestion), (404, .failed), (403, .failed), (500, .failed),
        ]
        for (status, disposition) in cases {
            #expect(CallDisposition(status: status) == disposition, "\(status)")
        }
        #expect(CallDisposition(status: 500, answered: true) == .answered)
        #expect(CallDisposition(status: 486, cancelled: true) == .noAnswer)
        #expect(CallDetailRecord.Disposition.noAnswer.rawValue == "NO ANSWER")
    }

    @Test("JSON: snake_case members, the disposition's Asterisk spelling, duration and billsec")
    func json() throws {
        let record = Self.stored(Self.record("1001", at: 0), id: 5)
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any])
        #expect(object["call_id"] as? String == "call-1001-0.0")
        #expect(object["disposition"] as? String == "ANSWERED")
        #expect(object["duration"] as? Int == 62)
        #expect(object["billsec"] as? Int == 60)
        #expect(object["caller_jitter_ms"] as? Double == 1.25)
        #expect(object["id"] as? Int == 5)
        let decoded = try JSONDecoder().decode(CallDetailRecord.self, from: JSONEncoder().encode(record))
        #expect(decoded == record)
    }
}
