import Testing

@testable import SIPTransport

/// The connection table's routing and bounds, without sockets.
@Suite struct ConnectionTableTests {
    typealias Table = SIPConnectionTable<String>
    let phone = Table.Remote(transport: .tcp, address: "192.0.2.7", port: 5060)

    @Test func routesByConnectionThenByAddress() throws {
        var table = Table(capacity: 4)
        let firstOpened = table.open(to: phone, connection: "first")
        let first = try #require(firstOpened)
        let secondOpened = table.open(to: phone, connection: "second")
        let second = try #require(secondOpened)
        let peer = SIPPeer(transport: .tcp, address: "192.0.2.7", port: 5060)
        var byConnection = peer
        byConnection.connection = first
        guard case .open(first, "first") = table.route(byConnection) else {
            Issue.record("not first")
            return
        }
        // No connection named: the newest open one.
        guard case .open(second, "second") = table.route(peer) else {
            Issue.record("not second")
            return
        }
        // A closed connection: any other to the same address.
        table.remove(first)
        guard case .open(second, _) = table.route(byConnection) else {
            Issue.record("not rerouted")
            return
        }
        // Another transport to the same address and port is another remote.
        guard case .none = table.route(SIPPeer(transport: .tls, address: "192.0.2.7", port: 5060)) else {
            Issue.record("TLS routed over TCP")
            return
        }
    }

    @Test func messagesWaitForAConnectionWithinTheLimit() throws {
        var table = Table(capacity: 1)
        let idOpened = table.reserve(phone)
        let id = try #require(idOpened)
        #expect(table.reserve(phone) == nil)
        guard case .connecting(id) = table.route(SIPPeer(transport: .tcp, address: "192.0.2.7", port: 5060)) else {
            Issue.record("not connecting")
            return
        }
        let accepted = [[1, 2, 3], [4, 5, 6], [4, 5]].map { table.enqueue($0, for: id, limit: 5) }
        #expect(accepted == [true, false, true])
        let waiting = table.attach(id, connection: "open")
        #expect(waiting == [[1, 2, 3], [4, 5]])
        let afterOpening = table.enqueue([6], for: id, limit: 5)
        #expect(!afterOpening)
        let removed = table.remove(id)
        #expect(removed?.waiting == 0)
        let removedAgain = table.remove(id)
        #expect(removedAgain == nil)
        #expect(table.count == 0)
    }

    @Test func identifiersAreNeverReused() throws {
        var table = Table(capacity: 1)
        let firstOpened = table.open(to: phone, connection: "a")
        let first = try #require(firstOpened)
        table.remove(first)
        let secondOpened = table.open(to: phone, connection: "b")
        let second = try #require(secondOpened)
        #expect(second > first)
    }

    @Test func addressesFormatAndParse() throws {
        for text in ["0.0.0.0", "127.0.0.1", "192.0.2.7", "255.255.255.255", "10.100.9.99"] {
            let endpoint = try #require(IPv4Endpoint(address: text, port: 5060))
            #expect(endpoint.addressText == text)
        }
        #expect(IPv4Endpoint(address: "localhost", port: 5060) == nil)
        #expect(IPv4Endpoint(address: "127.0.0.1", port: 70_000) == nil)
    }
}
