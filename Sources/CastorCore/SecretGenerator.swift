/// Generates strong shared secrets (SIP line passwords, device admin passwords, voicemail PINs).
///
/// Randomness is an input, so tests can use a seeded generator; the services pass
/// `SystemRandomNumberGenerator`, which reads the kernel's CSPRNG (getrandom(2)).
public enum SecretGenerator {
    /// Letters and digits without look-alikes (0/O, 1/l/I), so a secret can be read off a screen and typed
    /// into a phone's keypad menu: 56 symbols, so 20 of them carry about 116 bits.
    static let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    public static func secret<R: RandomNumberGenerator>(length: Int = 20, using rng: inout R) -> String {
        String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    }

    public static func secret(length: Int = 20) -> String {
        var rng = SystemRandomNumberGenerator()
        return secret(length: length, using: &rng)
    }

    /// A numeric PIN (voicemail), `length` digits.
    public static func pin<R: RandomNumberGenerator>(length: Int = 6, using rng: inout R) -> String {
        String((0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
    }
}
