import CastorCore
import SDP
import SIPCodec
import SIPTransaction

extension SIPEndpoint {
    /// A response matched to one of the B2BUA's client transactions (by branch and CSeq method, §17.1.3).
    /// Returns false when it is not one of them.
    mutating func receiveCallResponse(
        _ response: SIPResponse, branch: String, method: SIPMethod, source: SIPSource, now: MonotonicInstant,
        wallClock: Double, into output: inout SIPEndpointOutput
    ) -> Bool {
        let key = branch + "|" + method.name
        guard var transaction = callClients[key] else { return false }
        let inbound = SIPOutbound(bytes: [], destination: source)
        let actions: SIPTransactionActions<SIPClientTransactionAction<SIPOutbound>>
        switch transaction.machine {
        case .invite(var machine):
            actions = machine.receive(response: inbound, statusCode: response.statusCode)
            transaction.machine = .invite(machine)
        case .nonInvite(var machine):
            actions = machine.receive(response: inbound, statusCode: response.statusCode)
            transaction.machine = .nonInvite(machine)
        }
        callClients[key] = transaction
        for action in actions {
            switch action {
            case .deliver:
                if case .invite(let fork) = transaction.purpose, let call = calls[transaction.callID] {
                    forkResponse(call, fork: fork, response, now: now, wallClock: wallClock, into: &output)
                }
            case .sendACK:
                // §17.1.1.3: the ACK of a non-2xx final response, built from the INVITE it answers.
                let ack = CallMessages.ackForFailure(transaction.request, response: response)
                output.messages.append(SIPOutbound(bytes: ack.serialized(), destination: transaction.destination))
            default:
                performCallClient([action], key: key, now: now, into: &output)
            }
        }
        return true
    }

    /// What a fork's response means for the call.
    mutating func forkResponse(
        _ call: Call, fork index: Int, _ response: SIPResponse, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) {
        let status = response.statusCode
        switch status {
        case 101..<200:
            if call.forks[index].state == .calling { call.forks[index].state = .ringing }
            if call.forks[index].cancelPending {
                sendCancel(call, fork: index, now: now, into: &output)
                return
            }
            if call.state == .trying {
                call.state = .ringing
                var ringing = SIPResponse(answering: call.invite, statusCode: 180, toTag: call.localTagA)
                ringing.headers.append(.contact, CallMessages.contact(call, over: call.callerFlow, configuration))
                ringing.headers.append(.server, configuration.product)
                respond(key: call.serverKey, with: ringing, now: now, into: &output)
            }
        case 200..<300:
            answeredByFork(call, fork: index, response, now: now, wallClock: wallClock, into: &output)
        case 300...:
            call.forks[index].state = .failed(status)
            call.bestFailure = Self.preferred(call.bestFailure, status)
            if call.state == .ended, call.forks.allSatisfy(\.isFinished) { calls[call.id] = nil }
            guard call.answered == nil, call.state == .trying || call.state == .ringing else { return }
            if call.forks.allSatisfy(\.isFinished) {
                let final = call.bestFailure ?? 480
                failCall(call, status: final == 408 ? 480 : final, now: now, wallClock: wallClock, into: &output)
            }
        default:
            return
        }
    }

    /// RFC 3261 §16.7 step 6, as a B2BUA may read it: a 6xx wins, then 486 (busy is what the caller should
    /// hear), then the first other failure.
    static func preferred(_ current: Int?, _ new: Int) -> Int {
        guard let current else { return new }
        if current >= 600 { return current }
        if new >= 600 || new == 486 { return new }
        return current
    }

    /// A fork answered (2xx). The first one becomes leg B; any other is acknowledged and hung up at once.
    mutating func answeredByFork(
        _ call: Call, fork index: Int, _ response: SIPResponse, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) {
        let fork = call.forks[index]
        guard let toTag = (try? response.headers.to())?.tag else { return }
        let target = (try? response.headers.contacts())?.addresses.first?.uri ?? fork.request.uri
        if call.answered == index {
            // A retransmitted 2xx: our ACK was lost (§13.2.2.4).
            if let ack = call.ackToCallee { output.messages.append(ack) }
            return
        }
        let ack = CallMessages.ackFor2xx(
            fork.request, toTag: toTag, target: target, branch: SIPTransactionKey.magicCookie + token(),
            via: configuration.advertised(fork.destination.transport), transport: fork.destination.transport)
        let ackOut = SIPOutbound(bytes: ack.serialized(), destination: fork.destination)
        output.messages.append(ackOut)
        guard call.answered == nil, call.state == .trying || call.state == .ringing else {
            // Another fork won, or the caller gave up: this dialog is ended at once (§13.2.2.4).
            let bye = CallMessages.bye(
                callID: call.callIDB, from: fork.request.headers[.from] ?? "",
                to: (fork.request.headers[.to] ?? "") + ";tag=\(toTag)", target: target, cseq: 2,
                branch: SIPTransactionKey.magicCookie + token(),
                via: configuration.advertised(fork.destination.transport), transport: fork.destination.transport,
                product: configuration.product)
            startClient(
                .bye, call: call, request: bye, branch: Self.branch(of: bye), destination: fork.destination,
                now: now, into: &output)
            return
        }
        call.forks[index].state = .answered
        call.answered = index
        call.calleeTag = toTag
        call.calleeTarget = target
        call.ackToCallee = ackOut
        cancelForks(call, except: index, now: now, into: &output)

        // Media: the callee's answer fixes leg B's law; the caller gets the same law when it offered it
        // (no transcoding), else its own first G.711 law.
        guard let legB = Self.calleeMedia(offer: call.offerToCallee, answer: response.body),
            let (answerToCaller, legA) = Self.callerAnswer(
                offer: call.callerOffer, preferring: legB.law, allowed: call.caller.codecs,
                address: call.media.address, port: call.media.a, sessionID: call.media.id, version: 1)
        else {
            // The callee's answer is unusable: hang it up and tell the caller.
            call.state = .answered
            call.finalStatus = 488
            endCall(call, by: "pbx", byeCaller: false, now: now, wallClock: wallClock, into: &output)
            var refusal = SIPResponse(answering: call.invite, statusCode: 488, toTag: call.localTagA)
            refusal.headers.append(.server, configuration.product)
            respond(key: call.serverKey, with: refusal, now: now, into: &output)
            return
        }
        call.mediaA = legA
        call.mediaB = legB
        call.codecA = legA.law.rawValue
        call.codecB = legB.law.rawValue
        mediaControl?.connect(call.media.id, a: legA, b: legB)

        var ok = SIPResponse(answering: call.invite, statusCode: 200, toTag: call.localTagA)
        ok.headers.append(.contact, CallMessages.contact(call, over: call.callerFlow, configuration))
        ok.headers.append(.allow, SIPEndpointConfiguration.allowed)
        ok.headers.append(.server, configuration.product)
        ok.headers.append(.contentType, "application/sdp")
        ok.body = answerToCaller.serialized()
        call.state = .answered
        call.answeredAt = wallClock
        call.answeredMono = now
        call.finalStatus = 200
        respond(key: call.serverKey, with: ok, now: now, into: &output)
        // §13.3.1.4: the 2xx is ours to retransmit (T1, doubling to T2) until the caller's ACK.
        call.okToCaller = SIPOutbound(bytes: ok.serialized(), destination: call.server.destination)
        call.okInterval = configuration.timers.t1
        if !call.callerFlow.isReliable {
            timers.push(now + call.okInterval, .call(call.id, .okRetransmit))
        }
        timers.push(now + configuration.timers.transactionTimeout, .call(call.id, .ackTimeout))
        counters.callsAnswered += 1
        output.events.append(.call(.answered(caller: call.caller.username, callee: call.callee.username)))
    }

    static func branch(of request: SIPRequest) -> String {
        (try? request.headers.topVia())?.branch ?? ""
    }

    /// The call failed before anyone answered: the caller gets `status`, forks still ringing are cancelled.
    mutating func failCall(
        _ call: Call, status: Int, cancelled: Bool = false, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) {
        call.finalStatus = status
        call.cancelled = cancelled
        cancelForks(call, except: nil, now: now, into: &output)
        var response = SIPResponse(answering: call.invite, statusCode: status, toTag: call.localTagA)
        response.headers.append(.server, configuration.product)
        respond(key: call.serverKey, with: response, now: now, into: &output)
        endCall(call, by: cancelled ? "caller" : "pbx", byeCaller: false, now: now, wallClock: wallClock, into: &output)
    }

    mutating func performCallClient(
        _ actions: SIPTransactionActions<SIPClientTransactionAction<SIPOutbound>>, key: String,
        now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) {
        for action in actions {
            switch action {
            case .send(let message):
                output.messages.append(message)
            case .startTimer(let timer, let duration):
                timers.push(now + duration, .callClient(key: key, timer: timer))
            case .timedOut, .transportFailed:
                guard let transaction = callClients[key], case .invite(let fork) = transaction.purpose,
                    let call = calls[transaction.callID]
                else { continue }
                // Timer B: the contact never answered. Counts as 408 for this fork.
                var timeout = SIPResponse(statusCode: 408)
                timeout.headers = transaction.request.headers
                forkResponse(call, fork: fork, timeout, now: now, wallClock: lastWallClock, into: &output)
            case .terminated:
                callClients[key] = nil
            case .sendACK, .cancelTimer, .deliver:
                continue
            }
        }
    }

    mutating func fireCallClient(
        _ key: String, timer: SIPTransactionTimer, now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) {
        guard var transaction = callClients[key] else { return }
        let actions: SIPTransactionActions<SIPClientTransactionAction<SIPOutbound>>
        switch transaction.machine {
        case .invite(var machine):
            actions = machine.timerFired(timer)
            transaction.machine = .invite(machine)
        case .nonInvite(var machine):
            actions = machine.timerFired(timer)
            transaction.machine = .nonInvite(machine)
        }
        callClients[key] = transaction
        if timer == .a || timer == .e {
            counters.retransmissionsSent += actions.filter { if case .send = $0 { true } else { false } }.count
        }
        performCallClient(actions, key: key, now: now, into: &output)
    }
}
