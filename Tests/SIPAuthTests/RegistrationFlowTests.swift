import CastorCore
import Testing

@testable import SIPAuth

/// A REGISTER's whole authentication, as the registrar will run it (RFC 3261 §22.4, §10.3 step 5): challenge,
/// answer, verify, replay check — with a fake clock and fixed randomness.
@Suite struct RegistrationFlowTests {
    struct Registrar {
        var authority = NonceAuthority(secret: Array(repeating: 0x5A, count: 32), lifetime: .seconds(300))
        var window = NonceCountWindow(capacity: 1000, lifetime: .seconds(300))
        var ha1 = [DigestAlgorithm: String]()
        var salt: UInt64 = 0

        enum Outcome: Equatable {
            case ok
            case challenge(stale: Bool)
        }

        init(password: String) {
            for algorithm in [DigestAlgorithm.md5, .sha256] {
                ha1[algorithm] = Digest.ha1(username: "1001", realm: "castor", password: password, algorithm: algorithm)
            }
        }

        mutating func challenge(now: MonotonicInstant, algorithm: DigestAlgorithm = .md5, stale: Bool = false)
            -> DigestChallenge
        {
            salt &+= 1
            return DigestChallenge(
                realm: "castor", nonce: authority.issue(now: now, salt: salt), opaque: authority.opaque,
                algorithm: algorithm, stale: stale)
        }

        mutating func handle(_ header: String, now: MonotonicInstant) -> Outcome {
            guard let credentials = try? DigestCredentials(parsing: header), credentials.realm == "castor",
                let ha1 = ha1[credentials.algorithm.base]
            else { return .challenge(stale: false) }
            switch authority.check(credentials.nonce, now: now) {
            case .forged: return .challenge(stale: false)
            case .stale:
                return Digest.verify(credentials, method: "REGISTER", ha1: ha1)
                    ? .challenge(stale: true) : .challenge(stale: false)
            case .valid(let issuedAt):
                guard Digest.verify(credentials, method: "REGISTER", ha1: ha1) else { return .challenge(stale: false) }
                let verdict =
                    credentials.nonceCount.map {
                        window.accept(nonce: credentials.nonce, issuedAt: issuedAt, nonceCount: $0, now: now)
                    } ?? window.acceptOnce(nonce: credentials.nonce, issuedAt: issuedAt, now: now)
                switch verdict {
                case .accepted: return .ok
                case .replayed: return .challenge(stale: false)
                case .stale: return .challenge(stale: true)
                }
            }
        }
    }

    @Test(arguments: [DigestAlgorithm.md5, .sha256])
    func registerReplayAndRefresh(algorithm: DigestAlgorithm) throws {
        var registrar = Registrar(password: "s3cret-pass")
        let t0 = MonotonicInstant.seconds(50)
        let header = try #require(registrar.challenge(now: t0, algorithm: algorithm).headerValue as String?)
        let challenge = try DigestChallenge(parsing: header)  // what the phone sees
        func answer(nc: UInt32, password: String = "s3cret-pass", on challenge: DigestChallenge) -> String {
            DigestCredentials(
                answering: challenge, username: "1001", password: password, method: "REGISTER", uri: "sip:127.0.0.1",
                cnonce: "4b2c1e77", nonceCount: nc
            ).headerValue
        }
        let first = answer(nc: 1, on: challenge)
        #expect(registrar.handle(first, now: t0 + .milliseconds(20)) == .ok)
        #expect(registrar.handle(first, now: t0 + .seconds(1)) == .challenge(stale: false))  // replayed
        #expect(registrar.handle(answer(nc: 2, on: challenge), now: t0 + .seconds(60)) == .ok)
        #expect(
            registrar.handle(answer(nc: 3, password: "guess", on: challenge), now: t0 + .seconds(61))
                == .challenge(stale: false))
        // After the lifetime: the right password earns a stale challenge, and the fresh nonce works.
        #expect(registrar.handle(answer(nc: 3, on: challenge), now: t0 + .seconds(301)) == .challenge(stale: true))
        let fresh = registrar.challenge(now: t0 + .seconds(301), algorithm: algorithm, stale: true)
        #expect(fresh.headerValue.contains("stale=true"))
        #expect(registrar.handle(answer(nc: 1, on: fresh), now: t0 + .seconds(302)) == .ok)
    }

    @Test func rfc2069ClientsGetSingleUseNonces() {
        var registrar = Registrar(password: "pw")
        let t0 = MonotonicInstant.seconds(5)
        var challenge = registrar.challenge(now: t0)
        challenge.qop = []
        let header = DigestCredentials(
            answering: challenge, username: "1001", password: "pw", method: "REGISTER", uri: "sip:castor", cnonce: "x"
        ).headerValue
        #expect(!header.contains("qop") && !header.contains("nc="))
        #expect(registrar.handle(header, now: t0) == .ok)
        #expect(registrar.handle(header, now: t0 + .seconds(1)) == .challenge(stale: false))
    }
}
