import CastorCore
import CastorModel
import SDP
import SIPCodec
import SIPTransaction

extension SIPEndpoint {
    /// A new INVITE (no To tag): authenticate the caller (407), route the number through its context,
    /// allocate relay ports and fork to every contact of the callee. Returns the final response to send at
    /// once (a refusal), or nil when the call goes on (the responses follow as the callee answers).
    mutating func startCall(
        _ request: SIPRequest, transaction: ServerTransaction, source: SIPSource, now: MonotonicInstant,
        wallClock: Double, toTag: String, into output: inout SIPEndpointOutput
    ) -> SIPResponse? {
        let caller: RegistrarLine
        switch registrar.authenticateCall(request, from: source, now: now, salt: random.next(), toTag: toTag) {
        case .answered(let outcome):
            record(outcome, source: source, now: now, into: &output)
            return outcome.response
        case .authenticated(let line):
            caller = line
        }
        if caller.autoprovDevice != nil {
            return provisioningCall(
                request, transaction: transaction, caller: caller, source: source, now: now, toTag: toTag,
                into: &output)
        }
        let dialled = request.uri.decodedUser ?? ""
        var refusal = CallRefusal(
            request: request, caller: caller, dialled: dialled, toTag: toTag, wallClock: wallClock)
        guard let media = mediaControl else {
            return refusal.refuse(503, "Media relay unavailable", into: &output)
        }
        // Calls need an offer in the INVITE (a late offer, in the ACK, is not supported yet).
        guard !request.body.isEmpty, let offer = try? SessionDescription(parsing: request.body) else {
            return refusal.refuse(
                request.body.isEmpty ? 488 : 400, request.body.isEmpty ? "SDP Offer Required" : "Malformed SDP",
                into: &output)
        }
        let callerLaws = Self.relayableLaws(in: offer, allowed: caller.codecs)
        guard !callerLaws.isEmpty else {
            return refusal.refuse(488, "Not Acceptable Here", into: &output)
        }
        let callee: RegistrarLine
        let calleeContext: String
        switch dialPlan.route(dialled, from: caller.context) {
        case .line(let lineID, let context):
            guard let line = registrar.line(id: lineID) else {
                return refusal.refuse(404, "Not Found", into: &output)
            }
            callee = line
            calleeContext = context
        case .notFound, .notIncluded:
            counters.callsNotFound += 1
            return refusal.refuse(404, "Not Found", into: &output)
        case .unassigned:
            return refusal.refuse(480, "Temporarily Unavailable", into: &output)
        case .emergencyUnavailable:
            return refusal.refuse(503, "Service Unavailable", into: &output)
        case .unsupported:
            return refusal.refuse(501, "Not Implemented", into: &output)
        case .provisioningCode, .unknownProvisioningCode, .autoprovRestricted:
            // Only the autoprov context routes codes, and its calls never get here (`provisioningCall`).
            return refusal.refuse(403, "Forbidden", into: &output)
        }
        refusal.callee = callee
        refusal.calleeContext = calleeContext
        guard (callsPerLine[caller.lineID] ?? 0) < configuration.callLimit else {
            return refusal.refuse(403, "Call Limit Reached", into: &output)
        }
        guard (callsPerLine[callee.lineID] ?? 0) < configuration.callLimit else {
            return refusal.refuse(486, "Busy Here", into: &output)
        }
        let contacts = registrar.bindings(lineID: callee.lineID)
        guard !contacts.isEmpty else {
            return refusal.refuse(480, "Temporarily Unavailable", into: &output)
        }
        guard var ports = media.allocate() else {
            return refusal.refuse(503, "Service Unavailable", into: &output)
        }
        if ports.address.isEmpty || ports.address == "0.0.0.0" {
            // The relay listens on every address: announce the one this phone sent its INVITE to.
            ports.address = receivedOn ?? CallMessages.hostPart(configuration.advertised(source.transport))
        }
        let calleeLaws = Self.orderedLaws(preferring: callerLaws, allowed: callee.codecs)
        let offerToCallee = Self.relayOffer(
            laws: calleeLaws, telephoneEvent: Self.offersTelephoneEvent(offer), address: ports.address, port: ports.b,
            sessionID: ports.id, version: 1)
        guard let from = try? request.headers.from(), let callerTag = from.tag,
            let contact = (try? request.headers.contacts())?.addresses.first, let cseq = try? request.headers.cseq()
        else {
            _ = media.release(ports.id)
            return refusal.refuse(400, "Missing Contact", into: &output)
        }
        callSequence += 1
        let call = Call(
            id: callSequence, caller: caller, callee: callee, dialled: dialled, calleeContext: calleeContext,
            serverKey: transaction.key, server: transaction, invite: request, callerFlow: source,
            callerTag: callerTag, localTagA: toTag, callerTarget: contact.uri, callerOffer: offer,
            callerCSeq: cseq.sequence, callIDB: token() + "@castor", localTagB: token(),
            offerToCallee: offerToCallee, media: ports, startedAt: wallClock, startedMono: now)
        call.localAddress = receivedOn
        calls[call.id] = call
        transaction.call = call.id
        inviteServers[transaction.key] = transaction
        dialogs[DialogKey(callID: call.callerCallID, localTag: call.localTagA)] = (call.id, .caller)
        dialogs[DialogKey(callID: call.callIDB, localTag: call.localTagB)] = (call.id, .callee)
        callsPerLine[caller.lineID, default: 0] += 1
        callsPerLine[callee.lineID, default: 0] += 1
        counters.callsStarted += 1
        counters.callsLive += 1
        for binding in contacts {
            fork(call, to: binding, now: now, into: &output)
        }
        timers.push(now + configuration.ringTimeout, .call(call.id, .ringTimeout))
        output.events.append(.call(.started(caller: caller.username, callee: callee.username, forks: contacts.count)))
        return nil
    }

    /// Sends the callee's INVITE to one of its contacts.
    mutating func fork(
        _ call: Call, to binding: SIPBinding, now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) {
        // Over UDP, the binding's target (its Contact, or the REGISTER's source when the phone is behind NAT);
        // over TCP/TLS, the connection it registered over (RFC 5626's flow).
        let key = BindingKey(lineID: binding.lineID, contact: binding.contact)
        let flow = flows[key].flatMap { $0.isReliable ? $0 : nil }
        guard let destination = flow ?? Self.destination(of: binding),
            let target = try? SIPURI(parsing: binding.contact)
        else { return }
        let branch = SIPTransactionKey.magicCookie + token()
        let local = configuration.advertised(destination.transport)
        let request = CallMessages.invite(
            call, target: target, branch: branch, via: local, transport: destination.transport,
            product: configuration.product)
        call.forks.append(Call.Fork(branch: branch, request: request, destination: destination))
        startClient(
            .invite(fork: call.forks.count - 1), call: call, request: request, branch: branch,
            destination: destination, now: now, into: &output)
    }

    /// Starts a client transaction of the B2BUA (INVITE, CANCEL, BYE) and sends its request.
    mutating func startClient(
        _ purpose: CallClientTransaction.Purpose, call: Call, request: SIPRequest, branch: String,
        destination: SIPDestination, now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) {
        let outbound = SIPOutbound(bytes: request.serialized(), destination: destination)
        let kind: SIPTransportKind = destination.isReliable ? .reliable : .unreliable
        let clientKey = branch + "|" + request.method.name
        var transaction: CallClientTransaction
        let actions: SIPTransactionActions<SIPClientTransactionAction<SIPOutbound>>
        if request.method == .invite {
            var machine = InviteClientTransaction(request: outbound, transport: kind, timers: configuration.timers)
            actions = machine.start()
            transaction = CallClientTransaction(
                machine: .invite(machine), callID: call.id, purpose: purpose, request: request,
                destination: destination)
        } else {
            var machine = NonInviteClientTransaction(request: outbound, transport: kind, timers: configuration.timers)
            actions = machine.start()
            transaction = CallClientTransaction(
                machine: .nonInvite(machine), callID: call.id, purpose: purpose, request: request,
                destination: destination)
        }
        callClients[clientKey] = transaction
        performCallClient(actions, key: clientKey, now: now, into: &output)
    }

    /// Sends a CANCEL for every fork still ringing (or owes one to those that have not answered at all yet:
    /// §9.1, a CANCEL may only follow a provisional response).
    mutating func cancelForks(
        _ call: Call, except winner: Int?, now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) {
        for index in call.forks.indices where index != winner {
            switch call.forks[index].state {
            case .ringing:
                sendCancel(call, fork: index, now: now, into: &output)
            case .calling:
                call.forks[index].cancelPending = true
            case .answered, .failed:
                continue
            }
        }
    }

    mutating func sendCancel(_ call: Call, fork index: Int, now: MonotonicInstant, into output: inout SIPEndpointOutput)
    {
        guard !call.forks[index].cancelSent else { return }
        call.forks[index].cancelSent = true
        let fork = call.forks[index]
        let cancel = CallMessages.cancel(for: fork.request)
        startClient(
            .cancel, call: call, request: cancel, branch: fork.branch, destination: fork.destination, now: now,
            into: &output)
    }
}

/// A call refused before it rang anyone: the response, and its CDR row.
struct CallRefusal {
    var request: SIPRequest
    var caller: RegistrarLine
    var dialled: String
    var toTag: String
    var wallClock: Double
    var callee: RegistrarLine?
    var calleeContext: String?

    func refuse(_ status: Int, _ reason: String, into output: inout SIPEndpointOutput) -> SIPResponse {
        output.records.append(
            CallDetailRecord(
                callID: (try? request.headers.callID()) ?? "", caller: caller.exten ?? caller.username,
                callerName: caller.displayName, callee: dialled, calleeLine: callee?.username,
                callerContext: caller.context, calleeContext: calleeContext, start: wallClock, answer: nil,
                end: wallClock, disposition: CallDisposition(status: status, answered: false, cancelled: false),
                sipStatus: status, hangupBy: "pbx"))
        output.events.append(.call(.refused(caller: caller.username, dialled: dialled, status: status)))
        return SIPResponse(answering: request, statusCode: status, reasonPhrase: reason, toTag: toTag)
    }
}
