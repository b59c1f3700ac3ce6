import CastorModel
import HummingbirdTesting
import Testing

@Suite("Call detail records")
struct CDRTests {
    /// A call from `caller` starting `offset` seconds after 2025-06-15 15:06:40 UTC: answered 2 s later and
    /// 30.5 s long, or busy (486) 4 s after the start.
    static func record(_ caller: String, at offset: Double, _ disposition: CallDetailRecord.Disposition)
        -> CallDetailRecord
    {
        let start = 1_750_000_000 + offset
        let answered = disposition == .answered
        return CallDetailRecord(
            callID: "call-\(caller)-\(Int(offset))", caller: caller, callee: "2001", calleeLine: "2001",
            callerContext: "comptabilite", calleeContext: "administratif", start: start,
            answer: answered ? start + 2 : nil, end: start + (answered ? 30.5 : 4), disposition: disposition,
            sipStatus: answered ? 200 : 486, hangupBy: "callee", callerCodec: "PCMU",
            calleeCodec: answered ? "PCMA" : nil, callerPackets: 1_420, callerLost: 2, callerJitterMs: 0.75)
    }

    /// Five calls: 1001 answered at 0, 1002 busy at 10, 1001 busy at 20, 1001 answered at 30, 1002 answered at 40.
    static func seed(_ api: TestAPI) throws {
        try api.store.insertCDRs([
            record("1001", at: 0, .answered), record("1002", at: 10, .busy), record("1001", at: 20, .busy),
            record("1001", at: 30, .answered), record("1002", at: 40, .answered),
        ])
    }

    @Test func listsNewestFirstWithTheTotalAndAsteriskFields() async throws {
        let api = try TestAPI()
        try Self.seed(api)
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let reply = try await client.call(.get, "/api/cdr", token: token)
            #expect(reply.status == .ok)
            #expect(reply.object["total"] as? Int == 5)
            #expect(reply.object["next_before"] == nil, "one page holds them all")
            #expect(
                reply.items.compactMap { $0["start"] as? Double } == [40, 30, 20, 10, 0].map { 1_750_000_000 + $0 })
            let newest = try #require(reply.items.first)
            #expect(newest["caller"] as? String == "1002")
            #expect(newest["callee"] as? String == "2001")
            #expect(newest["caller_context"] as? String == "comptabilite")
            #expect(newest["disposition"] as? String == "ANSWERED")
            #expect(newest["duration"] as? Int == 30)
            #expect(newest["billsec"] as? Int == 28)
            #expect(newest["caller_codec"] as? String == "PCMU")
            #expect(newest["callee_codec"] as? String == "PCMA")
            #expect(newest["caller_lost"] as? Int == 2)
            #expect(newest["id"] as? Int == 5)
            let busy = try #require(reply.items.dropFirst(2).first)
            #expect(busy["disposition"] as? String == "BUSY")
            #expect(busy["billsec"] as? Int == 0)
            #expect(busy["sip_status"] as? Int == 486)
            #expect(busy["answer"] == nil)
        }
    }

    @Test func pagesWithLimitAndBefore() async throws {
        let api = try TestAPI()
        try Self.seed(api)
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let first = try await client.call(.get, "/api/cdr?limit=2", token: token)
            #expect(first.items.compactMap { $0["id"] as? Int } == [5, 4])
            #expect(first.object["total"] as? Int == 5)
            let cursor = try #require(first.object["next_before"] as? Int)
            #expect(cursor == 4)
            let second = try await client.call(.get, "/api/cdr?limit=2&before=\(cursor)", token: token)
            #expect(second.items.compactMap { $0["id"] as? Int } == [3, 2])
            let third = try await client.call(
                .get, "/api/cdr?limit=2&before=\(second.object["next_before"] as? Int ?? 0)", token: token)
            #expect(third.items.compactMap { $0["id"] as? Int } == [1])
            #expect(third.object["next_before"] == nil)
        }
    }

    @Test func filtersByCallerAndDisposition() async throws {
        let api = try TestAPI()
        try Self.seed(api)
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let alice = try await client.call(.get, "/api/cdr?caller=1001", token: token)
            #expect(alice.object["total"] as? Int == 3)
            #expect(alice.items.allSatisfy { $0["caller"] as? String == "1001" })
            let busy = try await client.call(.get, "/api/cdr?disposition=BUSY", token: token)
            #expect(busy.items.compactMap { $0["id"] as? Int } == [3, 2])
            let both = try await client.call(.get, "/api/cdr?caller=1001&disposition=busy", token: token)
            #expect(both.items.compactMap { $0["id"] as? Int } == [3])
            #expect(both.object["total"] as? Int == 1)
            for spelling in ["NO+ANSWER", "NO%20ANSWER", "no_answer"] {
                let none = try await client.call(.get, "/api/cdr?disposition=\(spelling)", token: token)
                #expect(none.status == .ok, "\(spelling): \(none.text)")
                #expect(none.object["total"] as? Int == 0)
            }
        }
    }

    @Test func badParametersAre400NamingThem() async throws {
        let api = try TestAPI()
        try Self.seed(api)
        try await api.application.test(.router) { client in
            let token = try await client.login()
            for (query, field) in [
                ("limit=0", "limit"), ("limit=1001", "limit"), ("limit=ten", "limit"), ("before=-3", "before"),
                ("before=999", "before"), ("disposition=HUNG", "disposition"),
            ] {
                let reply = try await client.call(.get, "/api/cdr?\(query)", token: token)
                #expect(reply.status == .badRequest, "\(query): \(reply.text)")
                #expect(reply.errorField == field, "\(query)")
            }
        }
    }

    @Test func needsATokenAndIsReadOnly() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let anonymous = try await client.call(.get, "/api/cdr")
            #expect(anonymous.status == .unauthorized)
            let token = try await client.login()
            let empty = try await client.call(.get, "/api/cdr", token: token)
            #expect(empty.status == .ok)
            #expect(empty.items.isEmpty)
            #expect(empty.object["total"] as? Int == 0)
            let post = try await client.call(.post, "/api/cdr", token: token, json: "{}")
            #expect([.notFound, .methodNotAllowed].contains(post.status), "\(post.status)")
            #expect(api.changes.value == 0)
        }
    }
}
