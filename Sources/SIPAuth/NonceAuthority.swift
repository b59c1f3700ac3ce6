import CastorCore
import Crypto
import _CryptoExtras

/// Issues and checks stateless nonces (RFC 7616 §3.3 and §5.5: "nonce … uniquely generated each time a 401
/// response is made", ideally carrying a time stamp and a keyed hash so the server needs no table).
///
/// A nonce is 32 bytes in unpadded base64url (RFC 4648 §5), 43 characters:
///
/// ```
/// offset  0       8       16                              32
///         +-------+-------+-------------------------------+
///         | time  | salt  |     AES-128(K, time ‖ salt)    |
///         +-------+-------+-------------------------------+
/// time: issue instant, MonotonicInstant nanoseconds, big-endian; salt: 64 random bits from the caller;
/// K = HMAC-SHA256(secret, 0x01 ‖ "castor nonce key")[0..<16], derived once.
/// ```
///
/// The tag is the AES block cipher applied to the 16-byte payload: a pseudorandom permutation is a
/// pseudorandom function on one block (up to the birthday bound, 2^64 nonces per key), and a PRF on
/// fixed-length messages is a MAC (the CBC-MAC of a single block). Forging a tag for another time stamp
/// means predicting AES under an unknown key. It costs one block encryption through swift-crypto
/// (`AES.permute`), where HMAC-SHA256 cost four hash compressions and four context copies per nonce: a
/// REGISTER with credentials checks one nonce and its challenge issued one.
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
    /// The AES-128 key of the nonces' tags.
    private let tagKey: SymmetricKey

    static let tokenLength = 43
    private static let payloadLength = 16
    private static let macLength = 16

    /// `secret` must be at least 32 random bytes (from `SystemRandomNumberGenerator`), kept for the process.
    public init(secret: [UInt8], lifetime: Duration = .seconds(300)) {
        precondition(secret.count >= 32, "NonceAuthority needs a secret of at least 32 random bytes")
        self.lifetime = lifetime
        let keyedMAC = HMAC<SHA256>(key: SymmetricKey(data: secret))
        var tagKeyMAC = keyedMAC
        tagKeyMAC.update(data: [0x01] + Array("castor nonce key".utf8))
        self.tagKey = SymmetricKey(data: tagKeyMAC.finalize().withUnsafeBytes { Array($0.prefix(16)) })
        var opaqueMAC = keyedMAC
        opaqueMAC.update(data: [0x02] + Array("castor digest opaque".utf8))
        self.opaque = Base64URL.encode(Array(opaqueMAC.finalize().withUnsafeBytes { Array($0.prefix(12)) }))
    }

    /// A fresh nonce stamped `now`; `salt` (random per challenge, from the caller) makes nonces issued in the
    /// same nanosecond differ.
    public func issue(now: MonotonicInstant, salt: UInt64) -> String {
        var token = [UInt8](repeating: 0, count: Self.payloadLength + Self.macLength)
        Self.storeBigEndian(UInt64(bitPattern: now.nanoseconds), into: &token, at: 0)
        Self.storeBigEndian(salt, into: &token, at: 8)
        let tag = self.tag(of: token)
        Self.storeBigEndian(tag.high, into: &token, at: 16)
        Self.storeBigEndian(tag.low, into: &token, at: 24)
        return Base64URL.encode(token)
    }

    /// Whether `nonce` is one of this authority's, and still fresh at `now`. Total: any string is answered.
    public func check(_ nonce: String, now: MonotonicInstant) -> NonceCheck {
        guard nonce.utf8.count == Self.tokenLength, let token = Base64URL.decode(nonce),
            token.count == Self.payloadLength + Self.macLength
        else { return .forged }
        let tag = self.tag(of: token)
        // Compared without an early exit: how long the comparison takes says nothing about the expected tag.
        let difference = (tag.high ^ Self.readBigEndian(token, at: 16)) | (tag.low ^ Self.readBigEndian(token, at: 24))
        guard difference == 0 else { return .forged }
        let issuedAt = MonotonicInstant(nanoseconds: Int64(bitPattern: Self.readBigEndian(token, at: 0)))
        guard issuedAt <= now else { return .forged }
        return Self.hasExpired(issuedAt: issuedAt, lifetime: lifetime, now: now) ? .stale : .valid(issuedAt: issuedAt)
    }

    /// Whether `lifetime` has passed since `issuedAt` at `now`, without overflowing on extreme instants.
    static func hasExpired(issuedAt: MonotonicInstant, lifetime: Duration, now: MonotonicInstant) -> Bool {
        let (age, overflow) = now.nanoseconds.subtractingReportingOverflow(issuedAt.nanoseconds)
        return overflow || age >= lifetime.nanosecondsClamped
    }

    /// AES-128(tagKey, the first 16 bytes of `token`), as two big-endian halves.
    private func tag(of token: [UInt8]) -> (high: UInt64, low: UInt64) {
        var block = (Self.readBigEndian(token, at: 0).bigEndian, Self.readBigEndian(token, at: 8).bigEndian)
        withUnsafeMutableBytes(of: &block) { bytes in
            var bytes = bytes  // the same memory: permute takes its payload inout
            // permute throws only for a block that is not 16 bytes or a key that is not an AES key: neither can be.
            try! AES.permute(&bytes, key: tagKey)
        }
        return (UInt64(bigEndian: block.0), UInt64(bigEndian: block.1))
    }

    private static func storeBigEndian(_ value: UInt64, into bytes: inout [UInt8], at offset: Int) {
        for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * index)) }
    }

    private static func readBigEndian(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value = value << 8 | UInt64(bytes[offset + index]) }
        return value
    }
}
