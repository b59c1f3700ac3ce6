/// The TCP and TLS connections of a transport, by identifier and by remote address: which connection a
/// message to a ``SIPPeer`` goes over, the bound on how many are open, and the messages waiting for an
/// outbound connection to open. Pure bookkeeping: `Connection` is whatever writes to one (the stream
/// handler; an integer in tests).
///
/// ```swift
/// var table = SIPConnectionTable<Int>(capacity: 2)
/// let id = table.open(to: remote, connection: 7)!        // an accepted connection
/// table.route(SIPPeer(transport: .tcp, address: "192.0.2.7", port: 5060))   // .open(7)
/// ```
struct SIPConnectionTable<Connection> {
    /// Where a connection goes: its transport and the peer's address and port.
    struct Remote: Hashable {
        var transport: SIPTransportProtocol
        var address: String
        var port: Int
    }

    /// Where a message to a peer goes.
    enum Route {
        case open(SIPConnectionID, Connection)
        /// A connection to the peer is being opened: the message waits for it.
        case connecting(SIPConnectionID)
        case none
    }

    private struct Entry {
        var remote: Remote
        /// `nil` while an outbound connection is being opened.
        var connection: Connection?
        var waiting: [[UInt8]] = []
        var waitingBytes = 0
    }

    let capacity: Int
    private var entries: [SIPConnectionID: Entry] = [:]
    /// The connections to each remote, oldest first.
    private var byRemote: [Remote: [SIPConnectionID]] = [:]
    private var lastID: UInt64 = 0

    init(capacity: Int) { self.capacity = max(capacity, 0) }

    var count: Int { entries.count }

    var isFull: Bool { entries.count >= capacity }

    var identifiers: [SIPConnectionID] { Array(entries.keys) }

    /// Records an open connection (an accepted one); `nil` when ``capacity`` connections are open.
    mutating func open(to remote: Remote, connection: Connection) -> SIPConnectionID? {
        guard let id = reserve(remote) else { return nil }
        entries[id]?.connection = connection
        return id
    }

    /// Records an outbound connection about to be opened; `nil` when ``capacity`` connections are open.
    mutating func reserve(_ remote: Remote) -> SIPConnectionID? {
        guard !isFull else { return nil }
        lastID += 1
        let id = SIPConnectionID(rawValue: lastID)
        entries[id] = Entry(remote: remote)
        byRemote[remote, default: []].append(id)
        return id
    }

    /// The outbound connection is open: records it and hands back the messages that waited for it.
    mutating func attach(_ id: SIPConnectionID, connection: Connection) -> [[UInt8]] {
        guard var entry = entries[id] else { return [] }
        let waiting = entry.waiting
        entry.connection = connection
        entry.waiting = []
        entry.waitingBytes = 0
        entries[id] = entry
        return waiting
    }

    /// Queues a message for a connection being opened; false (nothing queued) when it would take the bytes
    /// waiting past `limit`, or the connection is unknown or already open.
    mutating func enqueue(_ bytes: [UInt8], for id: SIPConnectionID, limit: Int) -> Bool {
        guard let entry = entries[id], entry.connection == nil, entry.waitingBytes + bytes.count <= limit else {
            return false
        }
        entries[id]?.waiting.append(bytes)
        entries[id]?.waitingBytes += bytes.count
        return true
    }

    /// Forgets a connection; the remote it went to and the messages still waiting, if it was known.
    @discardableResult
    mutating func remove(_ id: SIPConnectionID) -> (remote: Remote, waiting: Int)? {
        guard let entry = entries.removeValue(forKey: id) else { return nil }
        if var ids = byRemote[entry.remote] {
            ids.removeAll { $0 == id }
            byRemote[entry.remote] = ids.isEmpty ? nil : ids
        }
        return (entry.remote, entry.waiting.count)
    }

    func connection(_ id: SIPConnectionID) -> Connection? { entries[id]?.connection }

    /// The peer's own connection if it is open; else the newest open connection to its address and port;
    /// else one being opened to it.
    func route(_ peer: SIPPeer) -> Route {
        if let id = peer.connection, let entry = entries[id], entry.remote.transport == peer.transport {
            if let connection = entry.connection { return .open(id, connection) }
        }
        let remote = Remote(transport: peer.transport, address: peer.address, port: peer.port)
        guard let ids = byRemote[remote] else { return .none }
        var connecting: SIPConnectionID?
        for id in ids.reversed() {
            guard let entry = entries[id] else { continue }
            if let connection = entry.connection { return .open(id, connection) }
            connecting = connecting ?? id
        }
        return connecting.map { .connecting($0) } ?? .none
    }
}
