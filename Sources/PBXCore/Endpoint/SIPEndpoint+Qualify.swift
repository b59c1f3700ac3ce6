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

/// A request the endpoint sends to a registered contact outside any dialog — an OPTIONS keepalive or a
/// check-sync NOTIFY — and its non-INVITE client transaction (RFC 3261 §17.1.2: Timer E retransmits over UDP,
/// Timer F gives up).
struct OutOfDialogTransaction: Sendable {
    enum Purpose: Sendable, Equatable {
        case qualify
        /// A check-sync NOTIFY to a phone (by MAC), for its logs.
        case checkSync(mac: String)
    }

    var machine: NonInviteClientTransaction<SIPOutbound>
    var binding: BindingKey
    var purpose: Purpose
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
        guard
            let branch = sendOutOfDialog(
                .options, to: binding, headers: ["Accept: application/sdp"], purpose: .qualify, now: now,
                into: &output)
        else { return }
        state.outstanding = branch
        reachability[key] = state
        counters.qualifySent += 1
    }

    /// Sends `method` to a registered contact in a new non-INVITE client transaction, over the flow the binding
    /// registered on or to its target (see below), and returns the transaction's branch (nil when the binding's address
    /// is unusable). The request: Request-URI the contact, To `toURI` (default: the contact), From the PBX, and
    /// `headers` before `Content-Length: 0`.
    mutating func sendOutOfDialog(
        _ method: SIPMethod, to binding: SIPBinding, headers: [String], purpose: OutOfDialogTransaction.Purpose,
        toURI: String? = nil, now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) -> String? {
        let key = BindingKey(lineID: binding.lineID, contact: binding.contact)
        // A keepalive takes the flow the phone registered over (its REGISTER's source, or connection). A
        // NOTIFY goes as a call's INVITE does: over TCP/TLS that connection (RFC 5626's flow), over UDP to the
        // binding's target — its Contact, or the REGISTER's source when the phone is behind NAT — which is
        // where a phone's user agent listens (a registering process need not be the one that answers).
        let flow = purpose == .qualify ? flows[key] : flows[key].flatMap { $0.isReliable ? $0 : nil }
        guard var destination = flow ?? Self.destination(of: binding) else { return nil }
        let branch = SIPTransactionKey.magicCookie + token()
        let (tag, callID) = (token(), token())
        func request(over transport: String) -> [UInt8] {
            let local = configuration.advertised[transport] ?? configuration.advertised["udp"] ?? "127.0.0.1"
            let lines =
                [
                    "\(method.name) \(binding.contact) SIP/2.0",
                    "Via: SIP/2.0/\(transport.uppercased()) \(local);branch=\(branch);rport",
                    "Max-Forwards: 70",
                    "From: <sip:castor@\(local)>;tag=\(tag)",
                    "To: <\(toURI ?? binding.contact)>",
                    "Call-ID: \(callID)@castor",
                    "CSeq: 1 \(method.name)",
                    "User-Agent: \(configuration.product)",
                ] + headers + ["Content-Length: 0"]
            return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        }
        var bytes = request(over: destination.transport)
        // RFC 3261 §18.1.1: a request larger than 1300 bytes (path MTU unknown) goes over TCP, not UDP.
        if destination.transport == "udp", bytes.count > Self.largestUDPRequest {
            destination = SIPDestination(transport: "tcp", address: destination.address, port: destination.port)
            bytes = request(over: "tcp")
        }
        var machine = NonInviteClientTransaction(
            request: SIPOutbound(bytes: bytes, destination: destination),
            transport: destination.isReliable ? .reliable : .unreliable, timers: configuration.timers)
        let actions = machine.start()
        clients[branch] = OutOfDialogTransaction(machine: machine, binding: key, purpose: purpose, sentAt: now)
        performClient(actions, branch: branch, now: now, into: &output)
        return branch
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
        guard var transaction = clients[branch], method == .options || method == .notify else { return }
        let actions = transaction.machine.receive(
            response: SIPOutbound(bytes: [], destination: source), statusCode: response.statusCode)
        clients[branch] = transaction
        if case .checkSync(let mac) = transaction.purpose {
            let delivered = actions.contains { if case .deliver = $0 { true } else { false } }
            if response.statusCode >= 200, delivered {
                output.provisioning.append(
                    .log(
                        .checkSyncAnswered(
                            mac: mac, contact: transaction.binding.contact, status: response.statusCode)))
            }
        } else if response.statusCode >= 200, var state = reachability[transaction.binding],
            state.outstanding == branch
        {
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
                if let transaction = clients[branch], case .checkSync(let mac) = transaction.purpose {
                    output.provisioning.append(.log(.checkSyncFailed(mac: mac, contact: transaction.binding.contact)))
                    continue
                }
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
