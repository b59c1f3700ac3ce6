import CastorCore
import Crypto

/// Issues and checks stateless nonces (RFC 7616 §3.3 and §5.5: "nonce … uniquely generated each time a 401
/// response is made", ideally carrying a time stamp and a keyed hash so the server needs no table).
///
/// A nonce is 32 bytes in unpadded base64url (RFC 4648 §5), 43 characters:
///
/// ```
/// offset  0       8       16                              32
///         +-------+-------+-------------------------------+
///         | time  | salt  | HMAC-SHA256(secret, 0x01 ‖ time ‖ salt)[0..<16] |
///         +-------+-------+-------------------------------+
/// time: issue instant, MonotonicInstant nanoseconds, big-endian; salt: 64 random bits from the caller.
/// ```
///
/// ```swift
/// let authority = NonceAuthority(secret: randomBytes(32))        // once per process
/// let nonce = authority.issue(now: clock.now, salt: .random(in: .min ... .max))
/// switch authority.check(credentials.nonce, now: clock.now) {
/// case .valid(let issuedAt): …verify, then NonceCountWindow.accept(…, issuedAt: issuedAt, …)
/// case .stale: …401 with stale=true
/// case .forged: …401 with a fresh challenge
/// }
/// ```
///
/// The MAC is truncated to 128 bits (RFC 2104 §5 allows truncation to half the output). The time is the
/// monotonic clock the I/O layer passes in, so nonces do not survive a restart — nor do they with a fresh
/// secret per process; phones then see `.forged`, get a new challenge, and retry. Stateless nonces can be
/// replayed within their lifetime: `NonceCountWindow` is what refuses a replay.
public struct NonceAuthority: Sendable {
    /// How long a nonce stays valid after it is issued.
    public let lifetime: Duration
    /// A value to send as `opaque` (RFC 7616 §3.3): constant per authority, derived from the secret, so a
    /// registrar can check that a client echoes it without storing anything.
    public let opaque: String
    private let keyedMAC: HMAC<SHA256>

    static let tokenLength = 43
    private static let payloadLength = 16
    private static let macLength = 16

    /// `secret` must be at least 32 random bytes (from `SystemRandomNumberGenerator`), kept for the process.
    public init(secret: [UInt8], lifetime: Duration = .seconds(300)) {
        precondition(secret.count >= 32, "NonceAuthority needs a secret of at least 32 random bytes")
        self.lifetime = lifetime
        self.keyedMAC = HMAC<SHA256>(key: SymmetricKey(data: secret))
        var opaqueMAC = keyedMAC
        opaqueMAC.update(data: [0x02] + Array("castor digest opaque".utf8))
        self.opaque = Base64URL.encode(Array(opaqueMAC.finalize().withUnsafeBytes { Array($0.prefix(12)) }))
    }

    /// A fresh nonce stamped `now`; `salt` (random per challenge, from the caller) makes nonces issued in the
    /// same nanosecond differ.
    public func issue(now: MonotonicInstant, salt: UInt64) -> String {
        // The MAC'd message is the domain byte 0x01 and the payload; the token is the payload and the MAC.
        var message: [UInt8] = []
        message.reserveCapacity(1 + Self.payloadLength + Self.macLength)
        message.append(0x01)
        Self.appendBigEndian(UInt64(bitPattern: now.nanoseconds), to: &message)
        Self.appendBigEndian(salt, to: &message)
        appendMAC(of: message, to: &message)
        return Base64URL.encode(message, from: 1)
    }

    /// Whether `nonce` is one of this authority's, and still fresh at `now`. Total: any string is answered.
    public func check(_ nonce: String, now: MonotonicInstant) -> NonceCheck {
        // Decoded behind the domain byte, so the MAC'd message is the buffer's first 17 bytes as issued.
        guard nonce.utf8.count == Self.tokenLength, var token = Base64URL.decode(nonce, prefix: 0x01),
            token.count == 1 + Self.payloadLength + Self.macLength
        else { return .forged }
        let received = token[(1 + Self.payloadLength)...]
        var expected = Array(token[0..<(1 + Self.payloadLength)])
        appendMAC(of: expected, to: &expected)
        guard ConstantTime.equal(expected[(1 + Self.payloadLength)...], received) else { return .forged }
        token.removeLast(Self.macLength)
        let issuedAt = MonotonicInstant(nanoseconds: Int64(bitPattern: Self.readBigEndian(token[1..<9])))
        guard issuedAt <= now else { return .forged }
        return Self.hasExpired(issuedAt: issuedAt, lifetime: lifetime, now: now) ? .stale : .valid(issuedAt: issuedAt)
    }

    /// Whether `lifetime` has passed since `issuedAt` at `now`, without overflowing on extreme instants.
    static func hasExpired(issuedAt: MonotonicInstant, lifetime: Duration, now: MonotonicInstant) -> Bool {
        let (age, overflow) = now.nanoseconds.subtractingReportingOverflow(issuedAt.nanoseconds)
        return overflow || age >= lifetime.nanosecondsClamped
    }

    /// Appends the first `macLength` bytes of HMAC-SHA256(secret, `message`) to `output`.
    private func appendMAC(of message: [UInt8], to output: inout [UInt8]) {
        var authenticator = keyedMAC
        message.withUnsafeBytes { authenticator.update(data: $0) }
        let code = authenticator.finalize()
        code.withUnsafeBytes { output.append(contentsOf: $0.prefix(Self.macLength)) }
    }

    private static func appendBigEndian(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    private static func readBigEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
