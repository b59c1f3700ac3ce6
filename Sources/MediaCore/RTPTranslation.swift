/// What a relay does to the RTP packets of one direction (arriving on one leg, leaving on the other): for
/// each incoming payload type, the outgoing payload type and what happens to the payload.
///
/// ```swift
/// // Phone A speaks PCMU with telephone-event 101; trunk B wants PCMA with telephone-event 96.
/// var towardB = RTPTranslation()
/// towardB.transcode(0, to: 8, .muLawToALaw)
/// towardB.pass(101, as: 96)              // RFC 4733 events: same payload, renumbered
/// towardB.rule(for: 13)                  // comfort noise (RFC 3389) passes by default
/// towardB.rule(for: 18)                  // nil: not negotiated, dropped and counted
/// ```
///
/// A payload type without a rule is dropped and counted, not forwarded. RFC 3550 §5.1 says a receiver must
/// ignore payload types it does not understand, and RFC 3264 §5.1 lets a peer send only what the answer
/// lists; forwarding unknown types would hand the other phone media it never agreed to (and, across a
/// µ-law/A-law boundary, untranscoded audio heard as noise). ``passThrough`` forwards everything unchanged,
/// for a relay whose two legs have not been negotiated separately. Comfort noise (payload type 13) is
/// codec-independent and passes unless a rule says otherwise.
///
/// RTP payload types are 7 bits (RFC 3550 §5.1); rules for numbers above 127 are ignored.
public struct RTPTranslation: Hashable, Sendable {
    /// What happens to a packet's payload.
    public enum Operation: Hashable, Sendable {
        /// Forwarded unchanged (apart from the payload type).
        case pass
        /// G.711 µ-law payload rewritten as A-law (``G711/Conversion/muLawToALaw``).
        case muLawToALaw
        /// G.711 A-law payload rewritten as µ-law.
        case aLawToMuLaw
        /// Not forwarded (counted as dropped by policy).
        case drop
    }

    /// The outgoing payload type and the operation for one incoming payload type.
    public struct Rule: Hashable, Sendable {
        public var payloadType: UInt8
        public var operation: Operation

        public init(payloadType: UInt8, operation: Operation) {
            self.payloadType = payloadType & 0x7F
            self.operation = operation
        }
    }

    /// Payload type 13, comfort noise (RFC 3389, RFC 3551 §6).
    public static let comfortNoise: UInt8 = 13

    /// Rules indexed by incoming payload type: `nil` where none is set.
    private var rules: [Rule?]
    /// Whether payload types without a rule are forwarded unchanged (``passThrough``) or dropped.
    public private(set) var passesUnknownPayloadTypes: Bool

    /// No rule but comfort noise: everything else is dropped until rules are added.
    public init() {
        rules = Array(repeating: nil, count: 128)
        passesUnknownPayloadTypes = false
        rules[Int(Self.comfortNoise)] = Rule(payloadType: Self.comfortNoise, operation: .pass)
    }

    /// Every payload type forwarded unchanged: what a relay does before it knows either leg's formats.
    public static let passThrough: RTPTranslation = {
        var translation = RTPTranslation()
        translation.passesUnknownPayloadTypes = true
        return translation
    }()

    /// Forwards `payloadType` unchanged, as `outgoing` when the other leg numbers it differently (a dynamic
    /// payload type such as telephone-event, RFC 4733 §7.1.1).
    public mutating func pass(_ payloadType: UInt8, as outgoing: UInt8? = nil) {
        set(payloadType, Rule(payloadType: outgoing ?? payloadType, operation: .pass))
    }

    /// Converts G.711 payloads of `payloadType` and sends them as `outgoing` (0 PCMU, 8 PCMA).
    public mutating func transcode(_ payloadType: UInt8, to outgoing: UInt8, _ conversion: G711.Conversion) {
        let operation: Operation = conversion == .muLawToALaw ? .muLawToALaw : .aLawToMuLaw
        set(payloadType, Rule(payloadType: outgoing, operation: operation))
    }

    /// Drops packets of `payloadType` (counted as dropped, like an unknown type).
    public mutating func drop(_ payloadType: UInt8) {
        set(payloadType, Rule(payloadType: payloadType, operation: .drop))
    }

    /// The rule for an incoming payload type: `nil` when the packet is to be dropped as unknown.
    public func rule(for payloadType: UInt8) -> Rule? {
        guard payloadType < 128 else { return nil }
        if let rule = rules[Int(payloadType)] { return rule }
        return passesUnknownPayloadTypes ? Rule(payloadType: payloadType, operation: .pass) : nil
    }

    /// What ``apply(to:header:)`` did to a packet.
    public enum Outcome: Hashable, Sendable {
        /// The packet is ready to forward (its payload type and payload possibly rewritten).
        case forward
        /// The payload type has a `.drop` rule.
        case droppedByRule
        /// The payload type has no rule.
        case droppedUnknown
    }

    /// Rewrites `packet` in place for the outgoing leg: payload type, then the payload for a transcoding
    /// rule. `header` is the packet's parsed header. Does not allocate.
    public func apply(to packet: UnsafeMutableRawBufferPointer, header: RTPHeader) -> Outcome {
        guard let rule = rule(for: header.payloadType) else { return .droppedUnknown }
        let conversion: G711.Conversion
        switch rule.operation {
        case .drop: return .droppedByRule
        case .pass:
            if rule.payloadType != header.payloadType { RTPHeader.rewritePayloadType(rule.payloadType, in: packet) }
            return .forward
        case .muLawToALaw: conversion = .muLawToALaw
        case .aLawToMuLaw: conversion = .aLawToMuLaw
        }
        RTPHeader.rewritePayloadType(rule.payloadType, in: packet)
        let range = header.payloadRange
        guard range.upperBound <= packet.count else { return .forward }
        G711.transcode(UnsafeMutableRawBufferPointer(rebasing: packet[range]), conversion)
        return .forward
    }

    private mutating func set(_ payloadType: UInt8, _ rule: Rule) {
        guard payloadType < 128 else { return }
        rules[Int(payloadType)] = rule
    }
}
