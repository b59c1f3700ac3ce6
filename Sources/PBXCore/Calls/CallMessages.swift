import SIPCodec

/// The requests the B2BUA sends (RFC 3261 §8.1.1, §12.2.1.1, §9.1, §17.1.1.3, §13.2.2.4), built from the
/// call's dialog state. Pure functions: no state, no I/O.
enum CallMessages {
    /// The INVITE to one of the callee's contacts: the caller's number and name in From (a lab phone shows
    /// who calls), the dialled number in To, the PBX as Contact, the relay's offer as body.
    static func invite(
        _ call: Call, target: SIPURI, branch: String, via: String, transport: String, product: String
    ) -> SIPRequest {
        let host = hostPart(via)
        let callerNumber = call.caller.exten ?? call.caller.username
        let display = call.caller.displayName.map { "\"\(escape($0))\" " } ?? ""
        var headers = SIPHeaders()
        headers.append(.via, "SIP/2.0/\(transport.uppercased()) \(via);branch=\(branch);rport")
        headers.append(.maxForwards, "70")
        headers.append(.from, "\(display)<sip:\(callerNumber)@\(host)>;tag=\(call.localTagB)")
        headers.append(.to, "<sip:\(call.dialled)@\(host)>")
        headers.append(.callID, call.callIDB)
        headers.append(.cseq, "1 INVITE")
        headers.append(.contact, "<sip:castor@\(via)\(transportParameter(transport))>")
        headers.append(.allow, SIPEndpointConfiguration.allowed)
        headers.append(.userAgent, product)
        headers.append(.contentType, "application/sdp")
        return SIPRequest(method: .invite, uri: target, headers: headers, body: call.offerToCallee.serialized())
    }

    /// §9.1: same Request-URI, Call-ID, From, To, CSeq number and top Via (branch) as the INVITE.
    static func cancel(for invite: SIPRequest) -> SIPRequest {
        var headers = SIPHeaders()
        if let via = invite.headers[.via] { headers.append(.via, via) }
        headers.append(.maxForwards, "70")
        for name in [SIPHeaderName.from, .to, .callID] {
            if let value = invite.headers[name] { headers.append(name, value) }
        }
        let number = (try? invite.headers.cseq())?.sequence ?? 1
        headers.append(.cseq, "\(number) CANCEL")
        return SIPRequest(method: .cancel, uri: invite.uri, headers: headers)
    }

    /// §17.1.1.3: the ACK of a non-2xx final response: the INVITE's Request-URI, top Via, From, Call-ID,
    /// CSeq number; To from the response (its tag).
    static func ackForFailure(_ invite: SIPRequest, response: SIPResponse) -> SIPRequest {
        var headers = SIPHeaders()
        if let via = invite.headers[.via] { headers.append(.via, via) }
        headers.append(.maxForwards, "70")
        if let from = invite.headers[.from] { headers.append(.from, from) }
        headers.append(.to, response.headers[.to] ?? invite.headers[.to] ?? "")
        if let callID = invite.headers[.callID] { headers.append(.callID, callID) }
        let number = (try? invite.headers.cseq())?.sequence ?? 1
        headers.append(.cseq, "\(number) ACK")
        return SIPRequest(method: .ack, uri: invite.uri, headers: headers)
    }

    /// §13.2.2.4: the ACK of a 2xx is a request of the dialog: to the remote target, a new branch, the
    /// INVITE's CSeq number.
    static func ackFor2xx(
        _ invite: SIPRequest, toTag: String, target: SIPURI, branch: String, via: String, transport: String
    ) -> SIPRequest {
        var headers = SIPHeaders()
        headers.append(.via, "SIP/2.0/\(transport.uppercased()) \(via);branch=\(branch);rport")
        headers.append(.maxForwards, "70")
        if let from = invite.headers[.from] { headers.append(.from, from) }
        headers.append(.to, (invite.headers[.to] ?? "") + ";tag=\(toTag)")
        if let callID = invite.headers[.callID] { headers.append(.callID, callID) }
        let number = (try? invite.headers.cseq())?.sequence ?? 1
        headers.append(.cseq, "\(number) ACK")
        return SIPRequest(method: .ack, uri: target, headers: headers)
    }

    /// A BYE inside a dialog (§15.1.1), from our side of it.
    static func bye(
        callID: String, from: String, to: String, target: SIPURI, cseq: UInt32, branch: String, via: String,
        transport: String, product: String
    ) -> SIPRequest {
        var headers = SIPHeaders()
        headers.append(.via, "SIP/2.0/\(transport.uppercased()) \(via);branch=\(branch);rport")
        headers.append(.maxForwards, "70")
        headers.append(.from, from)
        headers.append(.to, to)
        headers.append(.callID, callID)
        headers.append(.cseq, "\(cseq) BYE")
        headers.append(.userAgent, product)
        return SIPRequest(method: .bye, uri: target, headers: headers)
    }

    /// The BYE to the caller: in leg A the PBX is the To side of the INVITE.
    static func byeToCaller(_ call: Call, cseq: UInt32, branch: String, via: String, product: String) -> SIPRequest {
        let to = call.invite.headers[.to] ?? ""
        return bye(
            callID: call.callerCallID, from: to + ";tag=\(call.localTagA)", to: call.invite.headers[.from] ?? "",
            target: call.callerTarget, cseq: cseq, branch: branch, via: via, transport: call.callerFlow.transport,
            product: product)
    }

    /// The BYE to the callee: in leg B the PBX is the From side of the INVITE.
    static func byeToCallee(_ call: Call, fork: Call.Fork, cseq: UInt32, branch: String, via: String, product: String)
        -> SIPRequest
    {
        bye(
            callID: call.callIDB, from: fork.request.headers[.from] ?? "",
            to: (fork.request.headers[.to] ?? "") + ";tag=\(call.calleeTag ?? "")",
            target: call.calleeTarget ?? fork.request.uri, cseq: cseq, branch: branch, via: via,
            transport: fork.destination.transport, product: product)
    }

    /// The PBX's Contact toward a leg: its address over the transport the leg uses.
    /// Toward the caller, the address its INVITE was sent to (it can reach that one) with our port.
    static func contact(_ call: Call, over flow: SIPSource?, _ configuration: SIPEndpointConfiguration) -> String {
        let transport = flow?.transport ?? "udp"
        let user = call.dialled.isEmpty ? "castor" : call.dialled
        var hostPort = configuration.advertised(transport)
        if flow != nil, let local = call.localAddress, let port = hostPort.split(separator: ":").last {
            hostPort = "\(local):\(port)"
        }
        return "<sip:\(user)@\(hostPort)\(transportParameter(transport))>"
    }

    static func transportParameter(_ transport: String) -> String {
        transport == "udp" ? "" : ";transport=\(transport)"
    }

    /// `10.0.0.1` of `10.0.0.1:5060`.
    static func hostPart(_ hostPort: String) -> String {
        hostPort.split(separator: ":").first.map(String.init) ?? hostPort
    }

    /// A display name inside quotes (§25.1 quoted-string): backslash and quote escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "\"" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
