import CastorCore
import CastorModel
import SIPAuth
import SIPCodec

@testable import PBXCore

/// A registrar with the lab's lines 1001 and 1002 (secrets pw1001, pw1002), and a phone that talks to it:
/// builds REGISTER requests and answers challenges as a UAC would.
struct RegistrarFixture {
    var registrar: Registrar
    var now = MonotonicInstant.seconds(1_000)
    var wallClock = 1_700_000_000.0
    var salt: UInt64 = 1
    var tag = 0
    let configuration: RegistrarConfiguration
    let phone = SIPSource(transport: "udp", address: "192.0.2.10", port: 5060)

    init(configuration: RegistrarConfiguration = RegistrarConfiguration(), bindings: [SIPBinding] = []) {
        self.configuration = configuration
        let lines = [
            RegistrarLine(
                lineID: 1, username: "1001", secret: "pw1001", context: "comptabilite", maxContacts: 2,
                configuration: configuration),
            RegistrarLine(
                lineID: 2, username: "1002", secret: "pw1002", context: "comptabilite", maxContacts: 3,
                configuration: configuration),
        ]
        registrar = Registrar(
            configuration: configuration, lines: lines, bindings: bindings,
            nonceSecret: Array(repeating: 7, count: 32))
    }

    /// A REGISTER for `user`, as a Snom phone writes it.
    static func register(
        user: String = "1001", contact: String? = nil, expires: Int? = 3600, callID: String = "call-1@192.0.2.10",
        cseq: UInt32 = 1, via: String = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1", to: String? = nil,
        extra: [(SIPHeaderName, String)] = []
    ) -> SIPRequest {
        var headers: SIPHeaders = [
            (.via, via), (.from, "<sip:\(user)@castor>;tag=abc"), (.to, "<sip:\(to ?? user)@castor>"),
            (.callID, callID), (.cseq, "\(cseq) REGISTER"), (.maxForwards, "70"),
        ]
        headers.append(.contact, contact ?? "<sip:\(user)@192.0.2.10:5060>")
        if let expires { headers.append(.expires, String(expires)) }
        headers.append(.userAgent, "snomD715/10.1.54.13")
        for (name, value) in extra { headers.append(name, value) }
        return SIPRequest(
            method: .register, uri: try! SIPURI(parsing: "sip:castor"), version: "SIP/2.0", headers: headers, body: [])
    }

    mutating func send(_ request: SIPRequest, from source: SIPSource? = nil) -> RegistrarOutcome {
        salt &+= 1
        tag += 1
        return registrar.register(
            request, from: source ?? phone, now: now, wallClock: wallClock, salt: salt, toTag: "t\(tag)")
    }

    /// The request with an Authorization answering the first challenge of `challenge` (a 401).
    static func answering(
        _ challenge: SIPResponse, _ request: SIPRequest, user: String = "1001", password: String = "pw1001",
        nonceCount: UInt32 = 1, algorithm: DigestAlgorithm? = nil
    ) -> SIPRequest {
        let challenges = challenge.headers.values(.wwwAuthenticate).compactMap { try? DigestChallenge(parsing: $0) }
        let chosen = challenges.first { algorithm == nil || $0.algorithm == algorithm } ?? challenges[0]
        let credentials = DigestCredentials(
            answering: chosen, username: user, password: password, method: "REGISTER", uri: "sip:castor",
            cnonce: "0a4f113b", nonceCount: nonceCount)
        var answered = request
        answered.headers.append(.authorization, credentials.headerValue)
        if var cseq = try? answered.headers.cseq() {
            cseq.sequence += 1
            answered.headers.set(.cseq, "\(cseq.sequence) REGISTER")
        }
        return answered
    }

    /// REGISTER → 401 → REGISTER with credentials: the second outcome.
    mutating func registerAuthenticated(
        _ request: SIPRequest, password: String = "pw1001", from source: SIPSource? = nil
    )
        -> RegistrarOutcome
    {
        let challenge = send(request, from: source)
        let user = (try? request.headers.to().uri.user ?? "1001") ?? "1001"
        return send(Self.answering(challenge.response, request, user: user, password: password), from: source)
    }
}
