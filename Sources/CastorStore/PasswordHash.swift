import Crypto
import Foundation
import _CryptoExtras

/// An administrator's password as stored: scrypt (RFC 7914) with a random 16-byte salt, written
/// `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>` so the cost can be raised later without breaking
/// stored hashes (each carries its own parameters).
///
/// ```swift
/// let hash = try PasswordHash(password: "s3cret-pass")
/// hash.encoded                                  // "scrypt$32768$8$1$…$…"
/// try PasswordHash(encoded: hash.encoded)?.matches("s3cret-pass")   // true
/// ```
struct PasswordHash: Equatable {
    /// N = 2^15, r = 8, p = 1: about 32 MiB and tens of milliseconds per guess (OWASP's minimum for scrypt).
    static let defaultRounds = 1 << 15
    static let defaultBlockSize = 8
    static let defaultParallelism = 1
    static let outputByteCount = 32
    static let saltByteCount = 16

    var rounds: Int
    var blockSize: Int
    var parallelism: Int
    var salt: [UInt8]
    var hash: [UInt8]

    /// Hashes `password` with a fresh random salt and the default cost.
    init(password: String) throws {
        var rng = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        try self.init(password: password, salt: salt)
    }

    init(
        password: String, salt: [UInt8], rounds: Int = defaultRounds, blockSize: Int = defaultBlockSize,
        parallelism: Int = defaultParallelism
    ) throws {
        self.rounds = rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
        self.salt = salt
        self.hash = try Self.derive(
            password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
    }

    /// Parses the stored form; nil when it is not one (the password then never matches).
    init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt", let rounds = Int(parts[1]), let blockSize = Int(parts[2]),
            let parallelism = Int(parts[3]), let salt = Data(base64Encoded: String(parts[4])),
            let hash = Data(base64Encoded: String(parts[5])),
            // Bounds keep a tampered row from asking for gigabytes.
            rounds > 1, rounds <= 1 << 20, rounds & (rounds - 1) == 0, (1...32).contains(blockSize),
            (1...16).contains(parallelism), !salt.isEmpty, hash.count == Self.outputByteCount
        else { return nil }
        self.rounds = rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
        self.salt = Array(salt)
        self.hash = Array(hash)
    }

    var encoded: String {
        "scrypt$\(rounds)$\(blockSize)$\(parallelism)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `password` hashes to this, compared in constant time.
    func matches(_ password: String) throws -> Bool {
        let candidate = try Self.derive(
            password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return Self.constantTimeEqual(candidate, hash)
    }

    /// What an unknown user's password is checked against, so that answering "no such user" costs as much
    /// as "wrong password" and timing does not reveal which admin names exist.
    static let dummy = PasswordHash(
        rounds: defaultRounds, blockSize: defaultBlockSize, parallelism: defaultParallelism,
        salt: Array("castor-dummy-slt".utf8), hash: [UInt8](repeating: 0, count: outputByteCount))

    private init(rounds: Int, blockSize: Int, parallelism: Int, salt: [UInt8], hash: [UInt8]) {
        self.rounds = rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
        self.salt = salt
        self.hash = hash
    }

    private static func derive(
        _ password: String, salt: [UInt8], rounds: Int, blockSize: Int, parallelism: Int
    ) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: outputByteCount, rounds: rounds,
            blockSize: blockSize, parallelism: parallelism)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Compares every byte whatever the first difference, so the time taken says nothing about where it is.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
