import CastorCore
import CastorModel
import SIPCodec
import SIPTransaction

/// A server transaction and what the endpoint keeps beside it. A reference, so that the transaction table
/// (which holds every transaction for Timer J's 32 s: hundreds of thousands under load) moves 8 bytes per
/// entry when it grows, and a timer points at its transaction directly. Only the endpoint that owns it
/// touches it (on the PBX's event loop).
final class ServerTransaction: @unchecked Sendable {
    enum Machine: Sendable {
        case invite(InviteServerTransaction<SIPOutbound>)
        case nonInvite(NonInviteServerTransaction<SIPOutbound>)
    }

    let key: SIPTransactionKey
    var machine: Machine
    /// Where responses go (RFC 3261 §18.2.2).
    let destination: SIPDestination
    /// The request, kept for an INVITE only (its 100 Trying is built from it).
    let invite: SIPRequest?
    /// Set when the machine says `.terminated`: its timers still in the heap are then ignored.
    var terminated = false
    /// The call this INVITE started, if any.
    var call: UInt64?

    init(key: SIPTransactionKey, machine: Machine, destination: SIPDestination, invite: SIPRequest?) {
        self.key = key
        self.machine = machine
        self.destination = destination
        self.invite = invite
    }
}

extension SIPEndpoint {
    mutating func receive(
        request original: SIPRequest, from source: SIPSource, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) {
        var request = original
        // Without a usable top Via there is nowhere to send a response (RFC 3261 §18.2.2): drop.
        guard var vias = try? request.headers.vias(), var top = vias.first else {
            counters.malformed += 1
            output.events.append(.malformed(source: source, reason: "no usable Via header"))
            return
        }
        // §18.2.1: `received` when the sent-by host is not the packet's source; RFC 3581 §4: a bare `rport`
        // is filled with the source port (and `received` is then always added).
        var rewritten = false
        if top.rport != nil {
            top.rport = .value(source.port)
            top.received = source.address
            rewritten = true
        } else if top.host != source.address {
            top.received = source.address
            rewritten = true
        }
        if rewritten {
            vias[0] = top
            request.headers.set(.via, vias.map(\.description).joined(separator: ", "))
        }
        let key = transactionKey(request, top: top)
        let destination = responseDestination(top: top, source: source)

        if let existing = serverTransaction(key) {
            // An ACK for a non-2xx final response matches its INVITE's transaction but is no retransmission.
            if request.method != .ack { counters.retransmissionsReceived += 1 }
            let transaction = existing
            let actions: SIPTransactionActions<SIPServerTransactionAction<SIPOutbound>>
            let placeholder = SIPOutbound(bytes: [], destination: destination)
            switch transaction.machine {
            case .invite(var machine):
                actions =
                    request.method == .ack ? machine.receiveACK(placeholder) : machine.receive(request: placeholder)
                transaction.machine = .invite(machine)
            case .nonInvite(var machine):
                actions = machine.receive(request: placeholder)
                transaction.machine = .nonInvite(machine)
            }
            perform(actions, key: key, now: now, into: &output)
            // An ACK with its INVITE's branch (RFC 2543 phones) may still acknowledge a 2xx: the dialog's.
            if request.method == .ack, transaction.call != nil, let toTag = (try? request.headers.to())?.tag {
                _ = inDialog(request, toTag: toTag, source: source, now: now, wallClock: wallClock, into: &output)
            }
            return
        }
        // An ACK that matches no transaction acknowledges a 2xx (a dialog's business, RFC 3261 §17.2.3)
        // or nothing at all: never answered.
        guard request.method != .ack else {
            if let toTag = (try? request.headers.to())?.tag {
                _ = inDialog(request, toTag: toTag, source: source, now: now, wallClock: wallClock, into: &output)
            }
            return
        }

        if request.method == .register, newTransactionBudget > 0 {
            newTransactionBudget -= 1
            register(
                request, vias: vias, key: key, destination: destination, source: source, now: now,
                wallClock: wallClock, into: &output)
            return
        }

        if request.method == .invite {
            let kind: SIPTransportKind = source.isReliable ? .reliable : .unreliable
            var machine = InviteServerTransaction(
                request: SIPOutbound(bytes: [], destination: destination), transport: kind,
                timers: configuration.timers)
            let started = machine.start()
            track(
                ServerTransaction(key: key, machine: .invite(machine), destination: destination, invite: request),
                now: now)
            perform(started, key: key, now: now, into: &output)
        } else {
            startNonInviteServer(key: key, destination: destination, source: source, now: now)
        }
        var response: SIPResponse
        let changesBefore = output.changes.count
        if newTransactionBudget > 0 {
            newTransactionBudget -= 1
            guard
                let answered = answer(
                    request, vias: vias, key: key, source: source, now: now, wallClock: wallClock, into: &output)
            else { return }  // a call: the responses follow as the callee answers
            response = answered
        } else {
            // More new requests than one batch may take: the PBX is behind. Say so (503 with Retry-After,
            // RFC 3261 §21.5.4) rather than going silent, at the cost of a parse and a send, no more.
            counters.overloaded += 1
            response = SIPResponse(answering: request, statusCode: 503, toTag: token())
            response.headers.append(.retryAfter, String(configuration.retryAfter))
        }
        response.headers.append(.server, configuration.product)
        respond(key: key, with: response, afterCommit: output.changes.count > changesBefore, now: now, into: &output)
    }

    /// A new REGISTER. A challenge (401 to a request without usable credentials, or with a stale nonce) and a
    /// refusal of a malformed request are sent statelessly, as RFC 3261 §8.2.7 has a UAS do for exactly
    /// these: they change nothing, so a retransmission regenerates the same answer (with a fresh nonce, which
    /// is as good), and a flood of unauthenticated REGISTERs creates no transaction state (§26.1.5). The
    /// stateless UAS's rules hold: no 1xx, no retransmission of the response, and the To tag derives from
    /// the request so that a retransmission gets the same one. Everything else (a registration, an
    /// unregistration, a failed attempt that counts) gets a server transaction, which absorbs the
    /// retransmissions: processing an authenticated REGISTER twice would spend its nonce count twice.
    mutating func register(
        _ request: SIPRequest, vias: [SIPVia], key: SIPTransactionKey, destination: SIPDestination,
        source: SIPSource, now: MonotonicInstant, wallClock: Double, into output: inout SIPEndpointOutput
    ) {
        let changesBefore = output.changes.count
        var response: SIPResponse
        let stateless: Bool
        // Contact is parsed by the registrar once the request is authenticated (§10.3 step 6): a challenge
        // does not pay for it, and a malformed one is answered 400 then.
        switch request.validated(supportedExtensions: [], vias: vias, contacts: false) {
        case .valid(let parsed):
            let toTag = statelessTag(key: key, callID: parsed.callID)
            let outcome = registrar.register(
                request, parsed: parsed, from: source, now: now, wallClock: wallClock, salt: random.next(),
                toTag: toTag)
            record(outcome, source: source, now: now, into: &output)
            response = outcome.response
            if case .challenged = outcome.event, outcome.changes.isEmpty { stateless = true } else { stateless = false }
        case .rejected(let rejection):
            response = SIPResponse(
                answering: request, rejection: rejection,
                toTag: statelessTag(key: key, callID: (try? request.headers.callID()) ?? ""))
            stateless = true
        }
        response.headers.append(.server, configuration.product)
        if stateless {
            counters.statelessResponses += 1
            output.messages.append(SIPOutbound(bytes: response.serialized(), destination: destination))
            return
        }
        let transaction = startNonInviteServer(key: key, destination: destination, source: source, now: now)
        respond(
            transaction, with: response, afterCommit: output.changes.count > changesBefore, now: now, into: &output)
    }

    /// A new non-INVITE server transaction (RFC 3261 §17.2.2), in the table.
    @discardableResult
    mutating func startNonInviteServer(
        key: SIPTransactionKey, destination: SIPDestination, source: SIPSource, now: MonotonicInstant
    ) -> ServerTransaction {
        let machine = NonInviteServerTransaction(
            request: SIPOutbound(bytes: [], destination: destination),
            transport: source.isReliable ? .reliable : .unreliable, timers: configuration.timers)
        let transaction = ServerTransaction(
            key: key, machine: .nonInvite(machine), destination: destination, invite: nil)
        track(transaction, now: now)
        return transaction
    }

    /// Puts a new server transaction in the table, and in the queue that takes it out `serverLifetime` later.
    mutating func track(_ transaction: ServerTransaction, now: MonotonicInstant) {
        counters.transactionsCreated += 1
        servers[transaction.key] = transaction
        serverExpiry.append(transaction, expiresAt: now + serverLifetime)
    }

    /// A To tag that is the same for every retransmission of a request (RFC 3261 §8.2.7, §19.3): 16 hex
    /// digits of a keyed hash of its transaction key and Call-ID, the key drawn from the endpoint's random
    /// source at start.
    func statelessTag(key: SIPTransactionKey, callID: String) -> String {
        var hash = TagHash(key: tagKey)
        hash.add(key.branch)
        hash.add(key.sentBy)
        hash.add(key.method)
        hash.add(callID)
        return hash.hexDigits
    }

    /// Hands the TU's response to the transaction, which sends it (and keeps it for retransmissions).
    mutating func respond(
        key: SIPTransactionKey, with response: SIPResponse, afterCommit: Bool = false, now: MonotonicInstant,
        into output: inout SIPEndpointOutput
    ) {
        guard let transaction = serverTransaction(key) else { return }
        respond(transaction, with: response, afterCommit: afterCommit, now: now, into: &output)
    }

    /// The same, with the transaction in hand (no lookup).
    mutating func respond(
        _ transaction: ServerTransaction, with response: SIPResponse, afterCommit: Bool = false,
        now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) {
        let key = transaction.key
        let outbound = SIPOutbound(
            bytes: response.serialized(), destination: transaction.destination, afterCommit: afterCommit)
        let actions: SIPTransactionActions<SIPServerTransactionAction<SIPOutbound>>
        switch transaction.machine {
        case .invite(var machine):
            actions = machine.respond(outbound, statusCode: response.statusCode)
            transaction.machine = .invite(machine)
        case .nonInvite(var machine):
            actions = machine.respond(outbound, statusCode: response.statusCode)
            transaction.machine = .nonInvite(machine)
        }
        perform(actions, key: key, now: now, into: &output)
    }

    /// The TU: what the PBX answers to a new request (but a REGISTER: `register(_:vias:…)`).
    /// `vias`: the request's Via values, parsed to match its transaction.
    mutating func answer(
        _ request: SIPRequest, vias: [SIPVia], key: SIPTransactionKey, source: SIPSource, now: MonotonicInstant,
        wallClock: Double, into output: inout SIPEndpointOutput
    ) -> SIPResponse? {
        let toTag = token()
        let parsed: SIPParsedHeaders
        switch request.validated(supportedExtensions: [], vias: vias) {
        case .valid(let headers):
            parsed = headers
        case .rejected(let rejection):
            return SIPResponse(answering: request, rejection: rejection, toTag: toTag)
        }
        if let tag = parsed.to.tag, request.method != .register, request.method != .cancel {
            return inDialog(request, toTag: tag, source: source, now: now, wallClock: wallClock, into: &output)
        }
        switch request.method {
        case .invite:
            guard let transaction = serverTransaction(key) else { return nil }
            return startCall(
                request, transaction: transaction, source: source, now: now, wallClock: wallClock, toTag: toTag,
                into: &output)
        case .options:
            // RFC 3261 §11.2: what we support.
            var response = SIPResponse(answering: request, statusCode: 200, toTag: toTag)
            response.headers.append(.allow, SIPEndpointConfiguration.allowed)
            response.headers.append(.accept, "application/sdp")
            return response
        case .cancel:
            // §9.2: a CANCEL matching an INVITE transaction gets 200 (the INVITE was already answered with
            // a final response, so there is nothing more to do); otherwise 481.
            let inviteKey = SIPTransactionKey(branch: key.branch, sentBy: key.sentBy, method: "INVITE")
            guard let invite = serverTransaction(inviteKey) else {
                return SIPResponse(answering: request, statusCode: 481, toTag: toTag)
            }
            // The 200 to the CANCEL first, then the INVITE's 487 (§9.2).
            let ok = SIPResponse(answering: request, statusCode: 200, toTag: toTag)
            if let call = invite.call {
                respond(key: key, with: ok, now: now, into: &output)
                cancelCall(call, now: now, wallClock: wallClock, into: &output)
                return nil
            }
            return ok
        case .bye:
            // A BYE outside any dialog (§15.1.2).
            return SIPResponse(answering: request, statusCode: 481, toTag: toTag)
        default:
            // RFC 3261 §21.5.2.
            var response = SIPResponse(answering: request, statusCode: 501, toTag: toTag)
            response.headers.append(.allow, SIPEndpointConfiguration.allowed)
            return response
        }
    }

    /// Counters, events and keepalive bookkeeping for a registrar outcome.
    mutating func record(
        _ outcome: RegistrarOutcome, source: SIPSource, now: MonotonicInstant,
        into output: inout SIPEndpointOutput
    ) {
        output.changes += Self.stored(outcome.changes)
        output.events.append(.registrar(outcome.event, source: source))
        switch outcome.event {
        case .challenged: counters.challenges += 1
        case .authenticationFailed(_, _, let forbidden):
            counters.authFailures += 1
            if forbidden { counters.forbidden += 1 }
        case .refused: break
        case .registered:
            for change in outcome.changes {
                switch change {
                case .save(let binding):
                    counters.registrations += 1
                    let bindingKey = BindingKey(lineID: binding.lineID, contact: binding.contact)
                    flows[bindingKey] = source
                    if reachability[bindingKey] == nil {
                        reachability[bindingKey] = Reachability()
                        if configuration.qualifyFrequency > 0 {
                            timers.push(now + .milliseconds(500), .qualify(bindingKey))
                        }
                    }
                case .remove(let lineID, let contact):
                    counters.unregistrations += 1
                    forget(BindingKey(lineID: lineID, contact: contact))
                }
            }
        }
    }

    mutating func fireServer(
        _ transaction: ServerTransaction, timer: SIPTransactionTimer, now: MonotonicInstant,
        into output: inout SIPEndpointOutput
    ) {
        guard !transaction.terminated else { return }
        let key = transaction.key
        let actions: SIPTransactionActions<SIPServerTransactionAction<SIPOutbound>>
        switch transaction.machine {
        case .invite(var machine):
            actions = machine.timerFired(timer)
            transaction.machine = .invite(machine)
        case .nonInvite(var machine):
            actions = machine.timerFired(timer)
            transaction.machine = .nonInvite(machine)
        }
        if timer == .g {
            counters.retransmissionsSent += actions.filter { if case .send = $0 { true } else { false } }.count
        }
        perform(actions, key: key, now: now, into: &output)
    }

    mutating func perform(
        _ actions: SIPTransactionActions<SIPServerTransactionAction<SIPOutbound>>, key: SIPTransactionKey,
        now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) {
        for action in actions {
            switch action {
            case .send(let message):
                output.messages.append(message)
            case .sendTrying:
                guard let transaction = serverTransaction(key), let invite = transaction.invite else { continue }
                var trying = SIPResponse(answering: invite, statusCode: 100)
                trying.headers.append(.server, configuration.product)
                output.messages.append(SIPOutbound(bytes: trying.serialized(), destination: transaction.destination))
            case .startTimer(.j, _):
                // Its time in the table ends it (see `expireServers`): half the timers in the heap.
                continue
            case .startTimer(let timer, let duration):
                guard let transaction = serverTransaction(key) else { continue }
                timers.push(now + duration, .server(transaction, timer: timer))
            case .cancelTimer, .deliver, .timedOut, .transportFailed:
                continue
            case .terminated:
                serverTransaction(key)?.terminated = true
                servers[key] = nil
                inviteServers[key] = nil
            }
        }
    }

    /// RFC 3261 §17.2.3 (and the RFC 2543 fallback for branches without the magic cookie).
    func transactionKey(_ request: SIPRequest, top: SIPVia) -> SIPTransactionKey {
        let method = request.method == .ack ? "INVITE" : request.method.name
        // Hosts compare case-insensitively (§17.2.3); an IP address, the usual sent-by, has no case to fold.
        var sentBy =
            top.host.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
            ? top.host.lowercased() : top.host
        if let port = top.port {
            sentBy.append(":")
            sentBy.append(String(port))
        }
        if let branch = top.branch, branch.hasPrefix(SIPTransactionKey.magicCookie) {
            return SIPTransactionKey(branch: branch, sentBy: sentBy, method: method)
        }
        let callID = (try? request.headers.callID()) ?? ""
        let cseq = (try? request.headers.cseq()).map { String($0.sequence) } ?? ""
        let fromTag = (try? request.headers.from())?.tag ?? ""
        return SIPTransactionKey(branch: "2543|\(callID)|\(cseq)|\(fromTag)", sentBy: sentBy, method: method)
    }

    /// RFC 3261 §18.2.2 with RFC 3581 §4: over TCP/TLS back on the connection; over UDP to `received` and
    /// `rport` when the phone asked for rport, else to `received` (or the sent-by host) and the sent-by port.
    func responseDestination(top: SIPVia, source: SIPSource) -> SIPDestination {
        if source.isReliable { return source }
        if case .value(let port) = top.rport {
            return SIPDestination(transport: source.transport, address: top.received ?? source.address, port: port)
        }
        return SIPDestination(
            transport: source.transport, address: top.received ?? top.host, port: top.port ?? 5060)
    }
}
