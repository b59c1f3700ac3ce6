import CastorCore
import SIPAuth
import SIPCodec

extension Registrar {
    enum Authentication {
        case authenticated(RegistrarLine)
        case answered(RegistrarOutcome)
    }

    /// Which challenge: a registrar's (401, WWW-Authenticate/Authorization) or a proxy's, for calls (407,
    /// Proxy-Authenticate/Proxy-Authorization, RFC 3261 §22.3).
    enum Challenger: Sendable {
        case registrar, proxy

        var status: Int { self == .registrar ? 401 : 407 }
        var challengeHeader: SIPHeaderName { self == .registrar ? .wwwAuthenticate : .proxyAuthenticate }
        var credentialsHeader: SIPHeaderName { self == .registrar ? .authorization : .proxyAuthorization }
    }

    /// RFC 3261 §22.4 and RFC 7616 §3.3–3.4: the credentials for our realm, checked against a nonce we issued
    /// (stateless, MAC'd), its nonce count (no replay), and the line's HA1.
    /// `parsed`: the request's headers as validation parsed them, if it did.
    mutating func authenticate(
        _ request: SIPRequest, parsed: SIPParsedHeaders? = nil, from source: SIPSource, now: MonotonicInstant,
        salt: UInt64, toTag: String, as challenger: Challenger = .registrar
    ) -> Authentication {
        let header = challenger.credentialsHeader
        func challenge(stale: Bool) -> RegistrarOutcome {
            self.challenge(request, parsed: parsed, stale: stale, now: now, salt: salt, toTag: toTag, as: challenger)
        }
        func failure(_ credentials: DigestCredentials) -> RegistrarOutcome {
            self.failure(
                request, parsed: parsed, credentials, source: source, now: now, salt: salt, toTag: toTag,
                as: challenger)
        }
        let ours = request.headers.values(header).compactMap { value -> DigestCredentials? in
            guard let credentials = try? DigestCredentials(parsing: value) else { return nil }
            return credentials.realm == configuration.realm ? credentials : nil
        }
        guard let credentials = ours.first else {
            if request.headers.contains(header),
                !request.headers.values(header).contains(where: { (try? DigestCredentials(parsing: $0)) != nil })
            {
                return .answered(
                    RegistrarOutcome(
                        response: SIPResponse(
                            answering: request, statusCode: 400, reasonPhrase: "Malformed \(header) header",
                            toTag: toTag, parsed: parsed),
                        event: .refused(username: "", status: 400)))
            }
            return .answered(challenge(stale: false))
        }
        guard configuration.algorithms.contains(credentials.algorithm) else {
            return .answered(challenge(stale: false))
        }
        let line = lines[credentials.username]
        let ha1 = line?.ha1[credentials.algorithm] ?? decoy[credentials.algorithm] ?? ""
        let verified = Digest.verify(credentials, method: request.method.name, ha1: ha1) && line != nil
        let issuedAt: MonotonicInstant
        switch nonces.check(credentials.nonce, now: now) {
        case .stale:
            return .answered(challenge(stale: true))
        case .forged:
            // Not our nonce. When the digest still verifies, the phone knows the secret and holds a nonce of
            // an earlier run of the PBX (nonces do not survive a restart): stale=true, it retries at once.
            if verified { return .answered(challenge(stale: true)) }
            return .answered(failure(credentials))
        case .valid(let issued):
            issuedAt = issued
        }
        guard verified, let line else { return .answered(failure(credentials)) }
        // Only a verified request spends a nonce count (so a stranger cannot use up a phone's counts). A count
        // seen before is a replay (or a retransmission that missed its transaction): a fresh nonce with
        // stale=true lets an honest phone retry at once without asking its user.
        let verdict =
            credentials.qop == nil
            ? nonceCounts.acceptOnce(nonce: credentials.nonce, issuedAt: issuedAt, now: now)
            : nonceCounts.accept(
                nonce: credentials.nonce, issuedAt: issuedAt, nonceCount: credentials.nonceCount ?? 0, now: now)
        guard verdict == .accepted else { return .answered(challenge(stale: true)) }
        retries.recordSuccess(source: retryKey(source, credentials.username, request, parsed))
        return .authenticated(line)
    }

    /// 401 (407 for a proxy) with one challenge per configured algorithm, most preferred first (RFC 8760 §2.4).
    mutating func challenge(
        _ request: SIPRequest, parsed: SIPParsedHeaders? = nil, stale: Bool, now: MonotonicInstant, salt: UInt64,
        toTag: String, as challenger: Challenger = .registrar
    ) -> RegistrarOutcome {
        var response = SIPResponse(answering: request, statusCode: challenger.status, toTag: toTag, parsed: parsed)
        let nonce = nonces.issue(now: now, salt: salt)
        for algorithm in configuration.algorithms {
            response.headers.append(challenger.challengeHeader, challengeValue(algorithm, stale: stale, nonce: nonce))
        }
        return RegistrarOutcome(response: response, event: .challenged(stale: stale))
    }

    /// `Digest realm="…", nonce="<nonce>", algorithm=…, qop="auth"` as `DigestChallenge.headerValue` writes it,
    /// from a template made once per realm, algorithm and staleness: only the nonce changes from one challenge
    /// to the next, and it needs no escaping (base64url, `NonceAuthority`).
    mutating func challengeValue(_ algorithm: DigestAlgorithm, stale: Bool, nonce: String) -> String {
        let key = ChallengeTemplateKey(realm: configuration.realm, algorithm: algorithm, stale: stale)
        let template: (prefix: String, suffix: String)
        if let known = challengeTemplates[key] {
            template = known
        } else {
            let placeholder = "castor-nonce-placeholder"
            let text = DigestChallenge(
                realm: configuration.realm, nonce: placeholder, opaque: nil, algorithm: algorithm, qop: ["auth"],
                stale: stale
            ).headerValue
            // The last occurrence: the nonce comes after the realm, which could (absurdly) contain it.
            let bytes = Array(text.utf8)
            let marker = Array(placeholder.utf8)
            guard
                let start = stride(from: bytes.count - marker.count, through: 0, by: -1).first(where: {
                    bytes[$0..<$0 + marker.count].elementsEqual(marker)
                })
            else {
                return DigestChallenge(
                    realm: configuration.realm, nonce: nonce, opaque: nil, algorithm: algorithm, qop: ["auth"],
                    stale: stale
                ).headerValue
            }
            template = (
                String(decoding: bytes[..<start], as: UTF8.self),
                String(decoding: bytes[(start + marker.count)...], as: UTF8.self)
            )
            challengeTemplates[key] = template
        }
        var value = template.prefix
        value.reserveCapacity(template.prefix.utf8.count + nonce.utf8.count + template.suffix.utf8.count)
        value += nonce
        value += template.suffix
        return value
    }

    /// Wrong credentials: a new challenge while the attempt (address, user, Call-ID) has failed at most
    /// `authRetries` times in the window, then 403 Forbidden. Every failure also counts against the source address.
    mutating func failure(
        _ request: SIPRequest, parsed: SIPParsedHeaders? = nil, _ credentials: DigestCredentials, source: SIPSource,
        now: MonotonicInstant, salt: UInt64, toTag: String, as challenger: Challenger = .registrar
    ) -> RegistrarOutcome {
        let failures = retries.recordFailure(
            source: retryKey(source, credentials.username, request, parsed), now: now)
        failuresBySource.recordFailure(source: source.address, now: now)
        let forbidden = failures > configuration.authRetries
        var outcome: RegistrarOutcome
        if forbidden {
            outcome = RegistrarOutcome(
                response: SIPResponse(
                    answering: request, statusCode: 403, reasonPhrase: "Forbidden", toTag: toTag, parsed: parsed),
                event: .challenged(stale: false))
        } else {
            outcome = challenge(
                request, parsed: parsed, stale: false, now: now, salt: salt, toTag: toTag, as: challenger)
        }
        outcome.event = .authenticationFailed(username: credentials.username, failures: failures, forbidden: forbidden)
        return outcome
    }

    /// Retries are counted per registration attempt: the address, the user and the Call-ID (a phone keeps its
    /// Call-ID across its REGISTERs, RFC 3261 §10.2.4), so a later attempt starts again at 401.
    func retryKey(_ source: SIPSource, _ username: String, _ request: SIPRequest, _ parsed: SIPParsedHeaders?)
        -> String
    {
        source.address + "\u{0}" + username + "\u{0}" + (parsed?.callID ?? (try? request.headers.callID()) ?? "")
    }
}

extension Registrar {
    /// RFC 3261 §22.3: a line placing a call proves who it is to the PBX as to a proxy (407 with
    /// Proxy-Authenticate, answered with Proxy-Authorization), with the same nonces, replay window and
    /// failure counting as registrations. `.answered` carries the 407 (or 403, 400) to send.
    public mutating func authenticateCall(
        _ request: SIPRequest, from source: SIPSource, now: MonotonicInstant, salt: UInt64, toTag: String
    ) -> CallAuthentication {
        switch authenticate(request, from: source, now: now, salt: salt, toTag: toTag, as: .proxy) {
        case .authenticated(let line): .authenticated(line)
        case .answered(let outcome): .answered(outcome)
        }
    }
}

/// What ``Registrar/authenticateCall(_:from:now:salt:toTag:)`` decided.
public enum CallAuthentication: Sendable {
    case authenticated(RegistrarLine)
    case answered(RegistrarOutcome)
}

/// Which challenge template (`Registrar.challengeValue`).
struct ChallengeTemplateKey: Hashable, Sendable {
    var realm: String
    var algorithm: DigestAlgorithm
    var stale: Bool
}
