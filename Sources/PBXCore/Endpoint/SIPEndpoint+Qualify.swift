import CastorCore
import CastorModel
import SIPCodec
import SIPTransaction

/// Whether a binding answers OPTIONS keepalives, and how fast (Asterisk's `qualify`).
public struct Reachability: Sendable, Equatable {
    public enum State: String, Sendable {
        case unknown = "UNKNOWN"
        case reachable = "OK"
        case unreachable = "UNREACHABLE"
    }
    public var state: State = .unknown
    public var roundTrip: Duration?
    /// The branch of the OPTIONS in flight, if any.
    var outstanding: String?

    public init() {}
}

/// An OPTIONS keepalive in flight (a non-INVITE client transaction, RFC 3261 §17.1.2).
struct QualifyTransaction: Sendable {
    var machine: NonInviteClientTransaction<SIPOutbound>
    var binding: BindingKey
    var sentAt: MonotonicInstant
}

extension SIPEndpoint {
    /// The keepalive state of a binding.
    public func reachability(lineID: Int64, contact: String) -> Reachability {
        reachability[BindingKey(lineID: lineID, contact: contact)] ?? Reachability()
    }

    /// Drops what the endpoint kept for a binding that is gone.
    mutating func forget(_ key: BindingKey) {
        reachability[key] = nil
        flows[key] = nil
    }

    mutating func qualify(
        _ key: BindingKey, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) {
        guard configuration.qualifyFrequency > 0,
            let binding = registrar.bindings(lineID: key.lineID).first(where: { $0.contact == key.contact })
        else {
            forget(key)
            return
        }
        var state = reachability[key] ?? Reachability()
        defer { timers.push(now + .seconds(Int64(configuration.qualifyFrequency)), .qualify(key)) }
        if let outstanding = state.outstanding, clients[outstanding] != nil { return }
        guard var destination = flows[key] ?? Self.destination(of: binding) else { return }
        let branch = SIPTransactionKey.magicCookie + token()
        let (tag, callID) = (token(), token())
        func options(over transport: String) -> [UInt8] {
            let local = configuration.advertised[transport] ?? configuration.advertised["udp"] ?? "127.0.0.1"
            let lines = [
                "OPTIONS \(binding.contact) SIP/2.0",
                "Via: SIP/2.0/\(transport.uppercased()) \(local);branch=\(branch);rport",
                "Max-Forwards: 70",
                "From: <sip:castor@\(local)>;tag=\(tag)",
                "To: <\(binding.contact)>",
                "Call-ID: \(callID)@castor",
                "CSeq: 1 OPTIONS",
                "User-Agent: \(configuration.product)",
                "Accept: application/sdp",
                "Content-Length: 0",
            ]
            return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        }
        var bytes = options(over: destination.transport)
        // RFC 3261 §18.1.1: a request larger than 1300 bytes (path MTU unknown) goes over TCP, not UDP.
        if destination.transport == "udp", bytes.count > Self.largestUDPRequest {
            destination = SIPDestination(transport: "tcp", address: destination.address, port: destination.port)
            bytes = options(over: "tcp")
        }
        var machine = NonInviteClientTransaction(
            request: SIPOutbound(bytes: bytes, destination: destination),
            transport: destination.isReliable ? .reliable : .unreliable, timers: configuration.timers)
        let actions = machine.start()
        clients[branch] = QualifyTransaction(machine: machine, binding: key, sentAt: now)
        state.outstanding = branch
        reachability[key] = state
        counters.qualifySent += 1
        performClient(actions, branch: branch, now: now, into: &output)
    }

    /// RFC 3261 §18.1.1: with the path MTU unknown, requests over 1300 bytes use a congestion-controlled
    /// transport.
    static let largestUDPRequest = 1300

    /// Where a stored binding is reached when the flow it registered over is not known (after a restart).
    static func destination(of binding: SIPBinding) -> SIPDestination? {
        guard let uri = try? SIPURI(parsing: binding.target) else { return nil }
        let transport =
            uri.parameters.value("transport")?.lowercased() ?? (uri.scheme == .sips ? "tls" : binding.transport)
        return SIPDestination(
            transport: transport, address: uri.host, port: uri.port ?? (transport == "tls" ? 5061 : 5060))
    }

    mutating func receive(
        response: SIPResponse, from source: SIPSource, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) {
        guard let top = try? response.headers.vias().first, let branch = top.branch,
            let method = (try? response.headers.cseq())?.method
        else { return }
        if !callClients.isEmpty,
            receiveCallResponse(
                response, branch: branch, method: method, source: source, now: now, wallClock: wallClock,
                into: &output)
        {
            return
        }
        guard var transaction = clients[branch], method == .options else { return }
        let actions = transaction.machine.receive(
            response: SIPOutbound(bytes: [], destination: source), statusCode: response.statusCode)
        clients[branch] = transaction
        if response.statusCode >= 200, var state = reachability[transaction.binding], state.outstanding == branch {
            // Any final response proves the phone is there (a 404 or 405 to OPTIONS included).
            state.state = .reachable
            state.roundTrip = now - transaction.sentAt
            state.outstanding = nil
            reachability[transaction.binding] = state
            output.events.append(
                .qualified(contact: transaction.binding.contact, reachable: true))
        }
        performClient(actions, branch: branch, now: now, into: &output)
    }

    mutating func fireClient(
        _ branch: String, timer: SIPTransactionTimer, now: MonotonicInstant,
        into output: inout SIPEndpointOutput
    ) {
        guard var transaction = clients[branch] else { return }
        let actions = transaction.machine.timerFired(timer)
        clients[branch] = transaction
        if timer == .e {
            counters.retransmissionsSent += actions.filter { if case .send = $0 { true } else { false } }.count
        }
        performClient(actions, branch: branch, now: now, into: &output)
    }

    mutating func performClient(
        _ actions: SIPTransactionActions<SIPClientTransactionAction<SIPOutbound>>, branch: String,
        now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) {
        for action in actions {
            switch action {
            case .send(let message):
                output.messages.append(message)
            case .startTimer(let timer, let duration):
                timers.push(now + duration, .client(branch: branch, timer: timer))
            case .timedOut, .transportFailed:
                guard let transaction = clients[branch], var state = reachability[transaction.binding] else { continue }
                counters.qualifyTimeouts += 1
                state.state = .unreachable
                state.outstanding = nil
                reachability[transaction.binding] = state
                output.events.append(.qualified(contact: transaction.binding.contact, reachable: false))
            case .terminated:
                clients[branch] = nil
            case .sendACK, .cancelTimer, .deliver:
                continue
            }
        }
    }
}
