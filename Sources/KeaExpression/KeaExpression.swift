import DHCPCodec

/// A Kea client-class test expression (Kea 2.2 ARM §8.2 "Using Expressions in Classification", the `test` of a
/// `client-classes` entry), parsed once and evaluated against each DHCPv4 message.
///
/// ```swift
/// let test = try KeaExpression(parsing: "substring(option[60].hex,0,4) == 'snom'")
/// test.evaluate(packet, isMember: { name in classes.contains(name) })   // true for a Snom DISCOVER
/// ```
///
/// Kea evaluates everything as byte strings: `'snom'` is four bytes, `0x000413aabbcc` six, `pkt4.mac` the
/// `chaddr` bytes, and `pkt4.hlen`, `pkt4.htype`, `pkt4.msgtype`, `pkt4.transid` and integer literals are
/// 4-byte big-endian strings. An absent option reads as the empty string (`.exists` as false). Parsing follows
/// Kea's grammar (`src/lib/eval/parser.yy`); the test must be boolean, so `option[60].hex` alone fails with
/// `syntax error, unexpected end of file, expecting == or +` at offset 14.
///
/// Not supported by castor, refused at parse time: `pkt.iface`, `pkt.src`, `pkt.dst`, `pkt.len` (the
/// classifier sees the message, not the socket), and IPv6 address literals.
public struct KeaExpression: Sendable, Equatable {
    public let text: String
    let root: Condition
    private let memberNames: [String]

    /// Parses `text` with Kea 2.2's standard option names and any class name allowed in `member('…')`.
    public init(parsing text: String) throws(KeaExpressionError) {
        try self.init(parsing: text, optionCode: { KeaStandardOptionNames.codes[$0] }, isDefinedClass: { _ in true })
    }

    /// Parses `text` as Kea's config loader does: `option[NAME]` resolved by `optionCode` (the standard names
    /// plus the configuration's `option-def`s), and `member('NAME')` refused with `Not defined client class
    /// 'NAME'` unless `isDefinedClass` (classes defined earlier, and built-in ones) says it is known.
    public init(
        parsing text: String, optionCode: (String) -> UInt8?, isDefinedClass: (String) -> Bool
    ) throws(KeaExpressionError) {
        let tokens = KeaExpressionLexer.tokens(of: text)
        // The parser keeps the look-ups only while it runs.
        let (root, names) = try withoutActuallyEscaping(optionCode) {
            optionCode throws(KeaExpressionError) -> (Condition, [String]) in
            try withoutActuallyEscaping(isDefinedClass) {
                isDefinedClass throws(KeaExpressionError) -> (Condition, [String]) in
                var parser = KeaExpressionParser(tokens: tokens, optionCode: optionCode, isDefinedClass: isDefinedClass)
                let root = try parser.parseTest()
                return (root, parser.referencedClasses)
            }
        }
        self.text = text
        self.root = root
        self.memberNames = names
    }

    /// Kea's rule: a test that fails to evaluate (an address conversion of the wrong size, …) counts as false;
    /// the result is boolean by construction.
    public func evaluate(_ packet: DHCPMessage, isMember: (String) -> Bool) -> Bool {
        withoutActuallyEscaping(isMember) { isMember in
            let evaluator = KeaExpressionEvaluator(packet: packet, isMember: isMember)
            do {
                return try evaluator.evaluate(root)
            } catch {
                return false
            }
        }
    }

    /// Class names used in `member('…')`, in order, so the config loader can check they are defined earlier.
    public var referencedClasses: [String] {
        var seen: Set<String> = []
        return memberNames.filter { seen.insert($0).inserted }
    }

    /// Two expressions are equal when their texts are: the tree is a function of the text and the look-ups.
    public static func == (lhs: KeaExpression, rhs: KeaExpression) -> Bool {
        lhs.text == rhs.text && lhs.root == rhs.root
    }

    /// `value` as a 4-byte big-endian string (Kea's `EvalContext::fromUint32`).
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
            UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
        ]
    }
}
