import CastorCore
import CastorModel
import SIPAuth
import SIPCodec

@testable import PBXCore

/// A relay that records what the B2BUA asks of it.
final class RecordingMedia: CallMediaControl, @unchecked Sendable {
    var next: UInt64 = 0
    var allocated: [UInt64] = []
    var connected: [UInt64: (a: CallMediaLeg, b: CallMediaLeg)] = [:]
    var released: [UInt64] = []
    var exhausted = false
    var statisticsByID: [UInt64: CallMediaStatistics] = [:]

    func allocate() -> CallMediaPorts? {
        guard !exhausted else { return nil }
        next += 1
        allocated.append(next)
        return CallMediaPorts(id: next, address: "192.0.2.1", a: 10_000 + Int(next) * 4, b: 10_002 + Int(next) * 4)
    }
    func connect(_ id: UInt64, a: CallMediaLeg, b: CallMediaLeg) { connected[id] = (a, b) }
    func allStatistics() -> [UInt64: CallMediaStatistics] {
        Dictionary(
            uniqueKeysWithValues: allocated.filter { !released.contains($0) }.map {
                ($0, statisticsByID[$0] ?? CallMediaStatistics())
            })
    }
    func release(_ id: UInt64) -> CallMediaStatistics? {
        released.append(id)
        return statisticsByID[id] ?? CallMediaStatistics()
    }
}

/// The B2BUA as a naked server: the lab's lines, phones registered at known addresses, SIP in as text, the
/// messages out parsed back, a fake clock.
struct CallFixture {
    var endpoint: SIPEndpoint
    let media = RecordingMedia()
    var now = MonotonicInstant.seconds(1_000)
    let wallClock = 1_700_000_000.0
    /// 1001's phone (the caller in most tests).
    let alice = SIPSource(transport: "udp", address: "192.0.2.10", port: 5060)
    /// 1002's two phones (a desk phone and a softphone: forking), and 2001's.
    let bobDesk = SIPSource(transport: "udp", address: "192.0.2.20", port: 5060)
    let bobSoft = SIPSource(transport: "udp", address: "192.0.2.21", port: 5062)
    let claire = SIPSource(transport: "udp", address: "192.0.2.30", port: 5060)
    var sequence = 0

    init(includeAdministratif: Bool = false, bobContacts: Int = 2, callLimit: Int = 4) {
        let configuration = RegistrarConfiguration()
        func line(_ id: Int64, _ user: String, _ context: String, codecs: [String]) -> RegistrarLine {
            var line = RegistrarLine(
                lineID: id, username: user, secret: "pw\(user)", context: context, maxContacts: 3,
                configuration: configuration)
            line.exten = user
            line.codecs = codecs
            line.displayName = ["1001": "Alice", "1002": "Bob", "2001": "Claire"][user]
            return line
        }
        let lines = [
            line(1, "1001", "comptabilite", codecs: ["ulaw", "alaw"]),
            line(2, "1002", "comptabilite", codecs: ["ulaw", "alaw"]),
            line(3, "2001", "administratif", codecs: ["alaw"]),
        ]
        func binding(_ lineID: Int64, _ user: String, _ source: SIPSource) -> SIPBinding {
            let contact = "sip:\(user)@\(source.address):\(source.port)"
            return SIPBinding(
                lineID: lineID, username: user, contact: contact, target: contact, transport: "udp",
                sourceAddress: source.address, sourcePort: source.port, callID: "reg-\(source.address)", cseq: 1,
                registeredAt: 1_700_000_000 - 10, expiresAt: 1_700_000_000 + 3600)
        }
        var bindings = [binding(3, "2001", claire)]
        if bobContacts >= 1 { bindings.append(binding(2, "1002", bobDesk)) }
        if bobContacts >= 2 { bindings.append(binding(2, "1002", bobSoft)) }
        let registrar = Registrar(
            configuration: configuration, lines: lines, bindings: bindings, nonceSecret: Array(repeating: 7, count: 32))
        var endpointConfiguration = SIPEndpointConfiguration(
            advertised: ["udp": "192.0.2.1:5060"], qualifyFrequency: 0)
        endpointConfiguration.callLimit = callLimit
        endpoint = SIPEndpoint(registrar: registrar, configuration: endpointConfiguration, seed: 42)
        endpoint.dialPlan = DialPlan(
            contexts: [
                Context(
                    name: "comptabilite", displayName: "Comptabilité",
                    includes: includeAdministratif ? ["administratif"] : []),
                Context(name: "administratif", displayName: "Administratif"),
            ],
            extensions: [
                Extension(context: "comptabilite", exten: "1001", lineID: 1),
                Extension(context: "comptabilite", exten: "1002", lineID: 2),
                Extension(context: "administratif", exten: "2001", lineID: 3),
            ])
        endpoint.mediaControl = media
        endpoint.start(now: now, wallClock: wallClock)
    }

    // MARK: Driving

    mutating func receive(_ message: String, from source: SIPSource) -> [SIPMessageOut] {
        var output = SIPEndpointOutput()
        endpoint.receive(Array(message.utf8), from: source, now: now, wallClock: wallClock, into: &output)
        lastRecords += output.records
        provisioning += output.provisioning
        storedChanges += output.changes
        return output.messages.compactMap(SIPMessageOut.init)
    }

    var lastRecords: [CallDetailRecord] = []
    /// Every provisioning action and binding change the endpoint asked for so far.
    var provisioning: [ProvisioningAction] = []
    var storedChanges: [SIPBindingChange] = []

    mutating func advance(by duration: Duration) -> [SIPMessageOut] {
        var output = SIPEndpointOutput()
        let end = now + duration
        while now < end {
            now = now + .milliseconds(100)
            endpoint.advance(to: now, wallClock: wallClock, into: &output)
        }
        lastRecords += output.records
        provisioning += output.provisioning
        storedChanges += output.changes
        return output.messages.compactMap(SIPMessageOut.init)
    }

    // MARK: The caller's messages

    static let offerPCMU = sdp(
        port: 4000, formats: "0 101",
        extra: "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n")

    static func sdp(address: String = "192.0.2.10", port: Int, formats: String, extra: String, direction: String = "")
        -> String
    {
        "v=0\r\no=phone 1 1 IN IP4 \(address)\r\ns=-\r\nc=IN IP4 \(address)\r\nt=0 0\r\n"
            + "m=audio \(port) RTP/AVP \(formats)\r\n\(extra)\(direction.isEmpty ? "" : "a=\(direction)\r\n")"
    }

    func invite(
        to number: String = "1002", from user: String = "1001", callID: String = "call-a@192.0.2.10",
        cseq: Int = 1, branch: String = "z9hG4bK-inv1", sdp: String = CallFixture.offerPCMU, auth: String? = nil,
        source: SIPSource? = nil
    ) -> String {
        let source = source ?? alice
        var text = "INVITE sip:\(number)@192.0.2.1 SIP/2.0\r\n"
        text += "Via: SIP/2.0/UDP \(source.address):\(source.port);branch=\(branch);rport\r\n"
        text += "Max-Forwards: 70\r\nFrom: \"Alice\" <sip:\(user)@192.0.2.1>;tag=alice-tag\r\n"
        text += "To: <sip:\(number)@192.0.2.1>\r\nCall-ID: \(callID)\r\nCSeq: \(cseq) INVITE\r\n"
        text += "Contact: <sip:\(user)@\(source.address):\(source.port)>\r\n"
        if let auth { text += "Proxy-Authorization: \(auth)\r\n" }
        text += "Content-Type: application/sdp\r\nContent-Length: \(sdp.utf8.count)\r\n\r\n\(sdp)"
        return text
    }

    /// INVITE → 407 → ACK → INVITE with Proxy-Authorization: what the PBX sends after the second INVITE.
    mutating func placeCall(
        to number: String = "1002", from user: String = "1001", sdp: String = CallFixture.offerPCMU,
        source: SIPSource? = nil
    ) -> [SIPMessageOut] {
        let source = source ?? alice
        sequence += 1
        let callID = "call-\(sequence)@\(source.address)"
        let first = receive(
            invite(to: number, from: user, callID: callID, branch: "z9hG4bK-\(sequence)a", sdp: sdp, source: source),
            from: source)
        guard let challenge = first.compactMap(\.response).first(where: { $0.statusCode == 407 }),
            let header = challenge.headers.values(.proxyAuthenticate).first,
            let parsed = try? DigestChallenge(parsing: header)
        else { return first }
        _ = receive(
            "ACK sip:\(number)@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP \(source.address):\(source.port);branch=z9hG4bK-\(sequence)a;rport\r\n"
                + "From: \"Alice\" <sip:\(user)@192.0.2.1>;tag=alice-tag\r\nTo: \(challenge.headers[.to] ?? "")\r\n"
                + "Call-ID: \(callID)\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n", from: source)
        let credentials = DigestCredentials(
            answering: parsed, username: user, password: "pw\(user)", method: "INVITE",
            uri: "sip:\(number)@192.0.2.1", cnonce: "c0ffee", nonceCount: 1)
        return receive(
            invite(
                to: number, from: user, callID: callID, cseq: 2, branch: "z9hG4bK-\(sequence)b", sdp: sdp,
                auth: credentials.headerValue, source: source), from: source)
    }

    // MARK: The callee's answers

    /// A response of a callee phone to a request the PBX sent it.
    static func answer(
        _ request: SIPRequest, status: Int, reason: String = "OK", toTag: String? = "bob-tag", sdp: String? = nil,
        contact: String = "<sip:1002@192.0.2.20:5060>"
    ) -> String {
        var text = "SIP/2.0 \(status) \(reason)\r\n"
        for via in request.headers.values(.via) { text += "Via: \(via)\r\n" }
        text += "From: \(request.headers[.from] ?? "")\r\n"
        let to = request.headers[.to] ?? ""
        text += "To: \(to)\(toTag.map { to.contains("tag=") ? "" : ";tag=\($0)" } ?? "")\r\n"
        text += "Call-ID: \(request.headers[.callID] ?? "")\r\nCSeq: \(request.headers[.cseq] ?? "")\r\n"
        if status < 300 && status > 100 { text += "Contact: \(contact)\r\n" }
        if let sdp {
            text += "Content-Type: application/sdp\r\nContent-Length: \(sdp.utf8.count)\r\n\r\n\(sdp)"
        } else {
            text += "Content-Length: 0\r\n\r\n"
        }
        return text
    }

    static let answerPCMU = sdp(
        address: "192.0.2.20", port: 5000, formats: "0 101",
        extra: "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n")
}

/// A message the endpoint sent: where, and parsed.
struct SIPMessageOut {
    var destination: SIPDestination
    var message: SIPMessage

    init?(_ outbound: SIPOutbound) {
        guard let message = try? SIPMessage(parsing: outbound.bytes) else { return nil }
        self.destination = outbound.destination
        self.message = message
    }

    var request: SIPRequest? { if case .request(let r) = message { r } else { nil } }
    var response: SIPResponse? { if case .response(let r) = message { r } else { nil } }
}

extension Array where Element == SIPMessageOut {
    func requests(_ method: SIPMethod) -> [SIPRequest] { compactMap(\.request).filter { $0.method == method } }
    func responses(_ status: Int) -> [SIPResponse] { compactMap(\.response).filter { $0.statusCode == status } }
    func request(_ method: SIPMethod, to address: String) -> SIPRequest? {
        first { $0.destination.address == address && $0.request?.method == method }?.request
    }
}
