import CastorCore
import CastorModel
import SIPAuth
import SIPCodec
import SIPTransaction

/// The PBX's SIP endpoint without sockets (pjsip's loop transport, Kea's "naked server"): bytes and their
/// source in, binding changes and bytes to send out. It parses, matches server transactions (RFC 3261
/// §17.2.3), answers REGISTER through the `Registrar`, OPTIONS itself, and keeps registered contacts
/// qualified with OPTIONS keepalives. The clock and randomness are inputs; every timer is in `timers` and
/// runs when the service calls `advance(to:)`.
///
/// ```swift
/// var output = SIPEndpointOutput()
/// endpoint.receive(datagram, from: source, now: now, wallClock: unixTime, into: &output)
/// endpoint.advance(to: now, wallClock: unixTime, into: &output)
/// try store.applyBindingChanges(output.changes)    // first
/// output.messages.forEach(transport.send)          // then
/// ```
public struct SIPEndpoint: Sendable {
    public internal(set) var registrar: Registrar
    public var configuration: SIPEndpointConfiguration
    public internal(set) var counters = SIPEndpointCounters()
    var random: SeededRandom
    /// The key of the To tags of stateless responses (`statelessTag`).
    let tagKey: UInt64
    /// Server transactions by key, each kept `serverLifetime` after it started (see `expireServers`); sharded,
    /// so that the table never grows all at once.
    var servers = ShardedDictionary<SIPTransactionKey, ServerTransaction>()
    /// The same transactions in the order they started, for their removal when their time is up.
    var serverExpiry = ExpiryQueue<ServerTransaction>()
    /// OPTIONS keepalives and check-sync NOTIFYs in flight, by branch.
    var clients: [String: OutOfDialogTransaction] = [:]
    var timers = DeadlineHeap<TimerPayload>()
    /// Keepalive state per binding (line id, contact).
    var reachability: [BindingKey: Reachability] = [:]
    /// The flow each binding registered over (for TCP/TLS: its connection), so keepalives take the same path.
    var flows: [BindingKey: SIPSource] = [:]
    var throttle = SuspectThrottle()
    /// New requests the current batch may still start (`beginBatch`); past it, they are answered 503.
    var newTransactionBudget = Int.max

    // Calls (the B2BUA).
    /// Where dialled numbers go; replaced on reload.
    public var dialPlan = DialPlan(contexts: [], extensions: [])
    /// The RTP relay; without one, INVITEs are answered 503.
    public var mediaControl: (any CallMediaControl)?
    var calls: [UInt64: Call] = [:]
    var callSequence: UInt64 = 0
    var dialogs: [DialogKey: (UInt64, CallLegSide)] = [:]
    var callsPerLine: [Int64: Int] = [:]
    /// INVITE server transactions of calls still ringing: kept beyond their time in the table.
    var inviteServers: [SIPTransactionKey: ServerTransaction] = [:]
    /// The B2BUA's client transactions, by branch and method (a CANCEL shares its INVITE's branch).
    var callClients: [String: CallClientTransaction] = [:]
    /// The wall clock of the latest input, for CDR times set from timer paths.
    var lastWallClock: Double = 0
    /// The local address the message being processed was sent to.
    var receivedOn: String?
    /// Whether the RTP-timeout sweep is scheduled.
    var mediaSweepArmed = false

    // Phones provisioning themselves (`SIPEndpoint+Autoprov.swift`, `SIPEndpoint+CheckSync.swift`).
    /// The resync request each device was sent its check-sync NOTIFY for (its time): one NOTIFY per request.
    var checkSyncSent: [Int64: String] = [:]
    /// Wrong provisioning codes per autoprov account, over a minute (codes are only six digits).
    var wrongCodes = AuthFailureCounter(window: .seconds(60), capacity: 10_000)
    /// INVITEs that dialled a right code, held until the store has bound the device.
    var heldCodes: [UInt64: HeldProvisioningCode] = [:]
    var codeSequence: UInt64 = 0

    public init(registrar: Registrar, configuration: SIPEndpointConfiguration, seed: UInt64) {
        self.registrar = registrar
        self.configuration = configuration
        var random = SeededRandom(seed: seed)
        self.tagKey = random.next()
        self.random = random
    }

    /// The earliest instant `advance(to:)` has work; the service arms one timer for it.
    public var nextDeadline: MonotonicInstant? { timers.nextDeadline }

    /// Replaces the registrar's lines and autoprov accounts (a reload); bindings of those that went away are
    /// removed.
    public mutating func replaceLines(_ lines: [RegistrarLine], into output: inout SIPEndpointOutput) {
        let changes = registrar.replaceLines(lines)
        for case .remove(let lineID, let contact) in changes { forget(BindingKey(lineID: lineID, contact: contact)) }
        output.changes += Self.stored(changes)
    }

    /// The changes the store keeps: those of lines. An autoprov account's bindings (negative ids) live in
    /// memory only — the `sip_binding` table belongs to lines, and a phone in autoprov registers again.
    static func stored(_ changes: [SIPBindingChange]) -> [SIPBindingChange] {
        changes.allSatisfy(\.isLineBinding) ? changes : changes.filter(\.isLineBinding)
    }

    /// Starts a batch of input (one read cycle of the transport): at most `budget` new requests in it are
    /// processed, the others are answered 503 with Retry-After (an overloaded PBX says so, it does not go
    /// silent). Retransmissions and responses are always handled.
    public mutating func beginBatch(budget: Int) { newTransactionBudget = budget }

    /// One datagram or framed stream message; `local` is the address it was sent to (the PBX's address as
    /// the phone knows it, used in SDP when the relay listens on every address).
    public mutating func receive(
        _ bytes: [UInt8], from source: SIPSource, local: String? = nil, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) {
        lastWallClock = wallClock
        receivedOn = local
        let failures = registrar.failuresBySource.failures(source: source.address, now: now)
        guard throttle.admit(source.address, failures: failures, now: now) else {
            counters.throttled += 1
            return
        }
        let message: SIPMessage
        do {
            message = try SIPMessage(parsing: bytes)
        } catch {
            counters.malformed += 1
            registrar.failuresBySource.recordFailure(source: source.address, now: now)
            output.events.append(.malformed(source: source, reason: error.description))
            return
        }
        switch message {
        case .request(let request):
            counters.requestsReceived += 1
            receive(request: request, from: source, now: now, wallClock: wallClock, into: &output)
        case .response(let response):
            counters.responsesReceived += 1
            receive(response: response, from: source, now: now, wallClock: wallClock, into: &output)
        }
    }

    /// Runs every timer due at `now`, and expires bindings whose time has passed.
    public mutating func advance(to now: MonotonicInstant, wallClock: Double, into output: inout SIPEndpointOutput) {
        lastWallClock = wallClock
        expireServers(now: now)
        while let due = timers.popDue(at: now) {
            switch due {
            case .server(let transaction, let timer):
                fireServer(transaction, timer: timer, now: now, into: &output)
            case .client(let branch, let timer):
                fireClient(branch, timer: timer, now: now, into: &output)
            case .callClient(let key, let timer):
                fireCallClient(key, timer: timer, now: now, into: &output)
            case .call(let id, let timer):
                fireCall(id, timer, now: now, wallClock: wallClock, into: &output)
            case .mediaSweep:
                sweepMedia(now: now, wallClock: wallClock, into: &output)
            case .qualify(let key):
                qualify(key, now: now, wallClock: wallClock, into: &output)
            case .expiry:
                let changes = registrar.expire(wallClock: wallClock)
                for case .remove(let lineID, let contact) in changes {
                    forget(BindingKey(lineID: lineID, contact: contact))
                }
                output.changes += Self.stored(changes)
                timers.push(now + .seconds(1), .expiry)
            }
        }
        counters.transactionsLive = servers.count + clients.count + callClients.count

    }

    /// A server transaction is findable for 64·T1 + T4 after it started (37 s with RFC 3261's values): past
    /// Timer J (64·T1) of a non-INVITE one, and past Timers H and I of an INVITE one, so that Timer J needs no
    /// timer at all. They are removed in the order they started, a tick's worth at a time: a table that was
    /// instead dropped whole every 19 s (two generations) freed some 400,000 transactions at once at 10,000
    /// registrations/s, and held the event loop for 30 to 50 ms, long enough for a busy client's socket to
    /// overflow with the answers that followed.
    mutating func expireServers(now: MonotonicInstant) {
        while let transaction = serverExpiry.popExpired(at: now) {
            // A key can come back (an RFC 2543 peer reusing its Call-ID and CSeq): only this transaction goes.
            if servers[transaction.key] === transaction { servers[transaction.key] = nil }
        }
    }

    /// How long a server transaction stays in the table: 64·T1 + T4.
    var serverLifetime: Duration { configuration.timers.transactionTimeout + configuration.timers.t4 }

    /// The server transaction of `key`: in the table, or a ringing call's INVITE kept beyond it.
    func serverTransaction(_ key: SIPTransactionKey) -> ServerTransaction? {
        servers[key] ?? (inviteServers.isEmpty ? nil : inviteServers[key])
    }

    /// Arms the binding-expiry sweep (once a second while there are bindings) and keepalives for the
    /// bindings loaded at start. Call once after creating the endpoint.
    public mutating func start(now: MonotonicInstant, wallClock: Double) {
        timers.push(now + .seconds(1), .expiry)
        for binding in registrar.allBindings {
            let key = BindingKey(lineID: binding.lineID, contact: binding.contact)
            if configuration.qualifyFrequency > 0 {
                timers.push(now + .milliseconds(Int64(200 + (random.next() % 2_000))), .qualify(key))
            }
        }
    }

    /// A fresh token for tags, branches and Call-IDs: 16 hex digits.
    mutating func token() -> String {
        let value = random.next()
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 { bytes[index] = digits[Int((value >> (UInt64(index) * 4)) & 0xF)] }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A binding's identity: its line and contact URI as registered.
struct BindingKey: Hashable, Sendable {
    var lineID: Int64
    var contact: String
}

/// What a due timer is for.
enum TimerPayload: Sendable {
    case server(ServerTransaction, timer: SIPTransactionTimer)
    case client(branch: String, timer: SIPTransactionTimer)
    case callClient(key: String, timer: SIPTransactionTimer)
    case call(UInt64, CallTimer)
    case mediaSweep
    case qualify(BindingKey)
    case expiry
}

extension SIPBindingChange {
    /// Whether the change is a line's (an autoprov account's have negative ids).
    var isLineBinding: Bool {
        switch self {
        case .save(let binding): binding.lineID > 0
        case .remove(let lineID, _): lineID > 0
        }
    }
}
