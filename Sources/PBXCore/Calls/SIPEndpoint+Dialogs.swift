import CastorCore
import CastorModel
import SDP
import SIPCodec
import SIPTransaction

extension SIPEndpoint {
    /// A request inside a dialog (it has a To tag): ACK, BYE, re-INVITE, OPTIONS, INFO. Returns the response
    /// (nil for ACK, which is never answered).
    mutating func inDialog(
        _ request: SIPRequest, toTag: String, source: SIPSource, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) -> SIPResponse? {
        let callID = (try? request.headers.callID()) ?? ""
        guard let (id, side) = dialogs[DialogKey(callID: callID, localTag: toTag)], let call = calls[id] else {
            if request.method == .ack { return nil }
            // §12.2.2: no such dialog.
            return SIPResponse(answering: request, statusCode: 481, toTag: toTag)
        }
        switch request.method {
        case .ack:
            if side == .caller, call.state == .answered {
                call.state = .confirmed
                call.okToCaller = nil
                armMediaSweep(now: now)
            }
            return nil
        case .bye:
            endCall(
                call, by: side == .caller ? "caller" : "callee", byeCaller: side != .caller, now: now,
                wallClock: wallClock, into: &output)
            return SIPResponse(answering: request, statusCode: 200, toTag: toTag)
        case .invite:
            return reinvite(call, side: side, request, toTag: toTag, into: &output)
        case .options, .info, .update:
            return SIPResponse(answering: request, statusCode: 200, toTag: toTag)
        default:
            var response = SIPResponse(answering: request, statusCode: 501, toTag: toTag)
            response.headers.append(.allow, SIPEndpointConfiguration.allowed)
            return response
        }
    }

    /// A re-INVITE (hold, resume, a new address): the PBX terminates media on each leg, so it answers it
    /// itself, keeping the leg's codec, and tells the relay whether the phone still wants audio.
    mutating func reinvite(
        _ call: Call, side: CallLegSide, _ request: SIPRequest, toTag: String,
        into output: inout SIPEndpointOutput
    ) -> SIPResponse {
        guard call.state == .confirmed || call.state == .answered,
            let current = side == .caller ? call.mediaA : call.mediaB
        else {
            // §14.2: a re-INVITE while one is pending (or before the call is up) gets 491.
            return SIPResponse(answering: request, statusCode: 491, toTag: toTag)
        }
        guard !request.body.isEmpty, let offer = try? SessionDescription(parsing: request.body) else {
            return SIPResponse(answering: request, statusCode: 488, reasonPhrase: "SDP Offer Required", toTag: toTag)
        }
        call.originVersion += 1
        let line = side == .caller ? call.caller : call.callee
        guard
            let (answer, leg) = Self.callerAnswer(
                offer: offer, preferring: current.law, allowed: line.codecs, address: call.media.address,
                port: side == .caller ? call.media.a : call.media.b, sessionID: call.media.id,
                version: call.originVersion)
        else {
            return SIPResponse(answering: request, statusCode: 488, toTag: toTag)
        }
        // The relay keeps the other leg's codec; if this one changed law, it translates.
        if side == .caller {
            call.mediaA = leg
            call.callerOnHold = !leg.receives
        } else {
            call.mediaB = leg
            call.calleeOnHold = !leg.receives
        }
        if let a = call.mediaA, let b = call.mediaB { mediaControl?.connect(call.media.id, a: a, b: b) }
        var ok = SIPResponse(answering: request, statusCode: 200, toTag: toTag)
        ok.headers.append(
            .contact,
            CallMessages.contact(call, over: side == .caller ? call.callerFlow : nil, configuration))
        ok.headers.append(.server, configuration.product)
        ok.headers.append(.contentType, "application/sdp")
        ok.body = answer.serialized()
        return ok
    }

    /// Ends a call: BYE to each confirmed leg other than the one that hung up, the relay's ports freed, the
    /// CDR row written, the line counts released.
    mutating func endCall(
        _ call: Call, by who: String, byeCaller: Bool, byeCallee: Bool? = nil, now: MonotonicInstant,
        wallClock: Double, into output: inout SIPEndpointOutput
    ) {
        guard call.state != .ended else { return }
        let wasUp = call.state == .answered || call.state == .confirmed
        if wasUp, byeCaller {
            call.localCSeqA += 1
            let bye = CallMessages.byeToCaller(
                call, cseq: call.localCSeqA, branch: SIPTransactionKey.magicCookie + token(),
                via: configuration.advertised(call.callerFlow.transport), product: configuration.product)
            startClient(
                .bye, call: call, request: bye, branch: Self.branch(of: bye), destination: call.callerFlow,
                now: now, into: &output)
        }
        if wasUp, byeCallee ?? (who != "callee"), let index = call.answered {
            call.localCSeqB += 1
            let fork = call.forks[index]
            let bye = CallMessages.byeToCallee(
                call, fork: fork, cseq: call.localCSeqB,
                branch: SIPTransactionKey.magicCookie + token(),
                via: configuration.advertised(fork.destination.transport), product: configuration.product)
            startClient(
                .bye, call: call, request: bye, branch: Self.branch(of: bye), destination: fork.destination,
                now: now, into: &output)
        }
        call.state = .ended
        call.hangupBy = call.hangupBy ?? who
        let statistics = mediaControl?.release(call.media.id)
        output.records.append(Self.record(call, statistics: statistics, end: wallClock))
        dialogs[DialogKey(callID: call.callerCallID, localTag: call.localTagA)] = nil
        dialogs[DialogKey(callID: call.callIDB, localTag: call.localTagB)] = nil
        inviteServers[call.serverKey] = nil
        for line in [call.caller.lineID, call.callee.lineID] {
            let remaining = (callsPerLine[line] ?? 1) - 1
            callsPerLine[line] = remaining > 0 ? remaining : nil
        }
        // Forks that have not answered finally still get their CANCEL (after their 1xx) or, if they answer,
        // ACK and BYE: the call stays findable until they are done, or a transaction timeout at most.
        if call.forks.allSatisfy(\.isFinished) {
            calls[call.id] = nil
        } else {
            timers.push(now + configuration.timers.transactionTimeout, .call(call.id, .reap))
        }
        counters.callsEnded += 1
        counters.callsLive -= 1
        output.events.append(.call(.ended(caller: call.caller.username, callee: call.callee.username, by: who)))
    }

    /// A CANCEL from the caller matched its INVITE transaction: 487 to the INVITE, the forks cancelled.
    mutating func cancelCall(
        _ callID: UInt64, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) {
        guard let call = calls[callID], call.state == .trying || call.state == .ringing else { return }
        failCall(call, status: 487, cancelled: true, now: now, wallClock: wallClock, into: &output)
    }

    /// A call's own timers.
    mutating func fireCall(
        _ id: UInt64, _ timer: CallTimer, now: MonotonicInstant, wallClock: Double,
        into output: inout SIPEndpointOutput
    ) {
        guard let call = calls[id] else { return }
        switch timer {
        case .reap:
            calls[id] = nil
        case .ringTimeout:
            guard call.state == .trying || call.state == .ringing else { return }
            counters.callsUnanswered += 1
            failCall(call, status: 480, now: now, wallClock: wallClock, into: &output)
        case .okRetransmit:
            guard call.state == .answered, let ok = call.okToCaller else { return }
            output.messages.append(ok)
            counters.retransmissionsSent += 1
            call.okInterval = min(call.okInterval * 2, configuration.timers.t2)
            timers.push(now + call.okInterval, .call(id, .okRetransmit))
        case .ackTimeout:
            // §13.3.1.4: no ACK within 64·T1: the dialog is confirmed and then ended with a BYE.
            guard call.state == .answered else { return }
            endCall(call, by: "pbx", byeCaller: true, now: now, wallClock: wallClock, into: &output)
        }
    }

    /// Every 5 s while calls are up: one snapshot of the relay, and the answered calls that carried no RTP
    /// from either phone for `rtpTimeout` (`rtpHoldTimeout` on hold) are hung up on both sides.
    mutating func sweepMedia(now: MonotonicInstant, wallClock: Double, into output: inout SIPEndpointOutput) {
        mediaSweepArmed = false
        let confirmed = calls.values.filter { $0.state == .confirmed }
        guard !confirmed.isEmpty else { return }
        let statistics = mediaControl?.allStatistics() ?? [:]
        for call in confirmed.sorted(by: { $0.id < $1.id }) {
            let legs = statistics[call.media.id]
            let lastHeard =
                [legs?.a.lastReceived, legs?.b.lastReceived, call.answeredMono].compactMap { $0 }.max() ?? now
            let limit = call.callerOnHold || call.calleeOnHold ? configuration.rtpHoldTimeout : configuration.rtpTimeout
            if now - lastHeard >= limit {
                counters.rtpTimeouts += 1
                endCall(call, by: "pbx", byeCaller: true, now: now, wallClock: wallClock, into: &output)
            }
        }
        armMediaSweep(now: now)
    }

    mutating func armMediaSweep(now: MonotonicInstant) {
        guard !mediaSweepArmed else { return }
        mediaSweepArmed = true
        timers.push(now + .seconds(5), .mediaSweep)
    }

    /// The CDR row of a call that rang.
    static func record(_ call: Call, statistics: CallMediaStatistics?, end: Double) -> CallDetailRecord {
        let answered = call.answeredAt != nil
        // The wall clock may step back (NTP) during a call: the row keeps start ≤ answer ≤ end.
        let end = max(end, call.startedAt)
        let answer = call.answeredAt.map { min(max($0, call.startedAt), end) }
        return CallDetailRecord(
            callID: call.callerCallID, caller: call.caller.exten ?? call.caller.username,
            callerName: call.caller.displayName, callee: call.dialled, calleeLine: call.callee.username,
            callerContext: call.caller.context, calleeContext: call.calleeContext, start: call.startedAt,
            answer: answer, end: end,
            disposition: CallDisposition(
                status: call.finalStatus ?? 480, answered: answered, cancelled: call.cancelled),
            sipStatus: call.finalStatus, hangupBy: call.hangupBy, callerCodec: call.codecA, calleeCodec: call.codecB,
            callerPackets: statistics?.a.packetsReceived ?? 0, callerLost: statistics?.a.lost ?? 0,
            callerJitterMs: statistics?.a.jitterMilliseconds ?? 0, calleePackets: statistics?.b.packetsReceived ?? 0,
            calleeLost: statistics?.b.lost ?? 0, calleeJitterMs: statistics?.b.jitterMilliseconds ?? 0)
    }
}

/// The timers of a call (beside its transactions').
enum CallTimer: Sendable {
    case ringTimeout
    case okRetransmit
    case ackTimeout
    /// An ended call whose forks never answered finally is forgotten.
    case reap
}
