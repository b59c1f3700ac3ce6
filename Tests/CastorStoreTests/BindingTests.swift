import CastorModel
import Foundation
import Testing

@testable import CastorStore

@Suite("SIP bindings")
struct BindingTests {
    private func binding(_ line: Line, contact: String, expiresAt: Double, cseq: UInt32 = 1) -> SIPBinding {
        SIPBinding(
            lineID: line.id ?? 0, username: line.username, contact: contact, target: contact, transport: "udp",
            sourceAddress: "127.0.0.1", sourcePort: 5062, callID: "call-\(contact)", cseq: cseq, registeredAt: 100,
            expiresAt: expiresAt, userAgent: "SIPp", q: 0.5, instance: nil)
    }

    @Test("a saved binding reads back whole; saving the same contact again replaces it")
    func saveAndReplace() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let line = try fixture.line("1001")
        let first = binding(line, contact: "sip:1001@127.0.0.1:5062", expiresAt: 1_000)
        try fixture.store.applyBindingChanges([.save(first)])
        #expect(try fixture.store.bindings(unexpiredAt: 500) == [first])
        var refreshed = first
        refreshed.cseq = 7
        refreshed.expiresAt = 2_000
        try fixture.store.applyBindingChanges([.save(refreshed)])
        #expect(try fixture.store.bindings(unexpiredAt: 500) == [refreshed])
    }

    @Test("expired bindings are not loaded, and are purged when asked")
    func expiry() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let line = try fixture.line("1001")
        let old = binding(line, contact: "sip:1001@127.0.0.1:5062", expiresAt: 1_000)
        let fresh = binding(line, contact: "sip:1001@127.0.0.1:5063", expiresAt: 3_000)
        try fixture.store.applyBindingChanges([.save(old), .save(fresh)])
        #expect(try fixture.store.bindings(unexpiredAt: 1_500) == [fresh])
        try fixture.store.applyBindingChanges([], expiringBefore: 1_500)
        #expect(try fixture.store.bindings(unexpiredAt: 0) == [fresh])
    }

    @Test("removal takes one contact; deleting the line takes all of its bindings")
    func removal() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let line = try fixture.line("1001")
        let a = binding(line, contact: "sip:1001@127.0.0.1:5062", expiresAt: 1_000)
        let b = binding(line, contact: "sip:1001@127.0.0.1:5063", expiresAt: 1_000)
        try fixture.store.applyBindingChanges([.save(a), .save(b), .remove(lineID: line.id ?? 0, contact: a.contact)])
        #expect(try fixture.store.bindings(unexpiredAt: 0) == [b])
        try fixture.store.deleteLine(id: line.id ?? 0)
        #expect(try fixture.store.bindings(unexpiredAt: 0).isEmpty)
    }
}
