import SIPCodec

/// The SIP fuzz target's body, shared by the libFuzzer executable (`fuzz-sip`, `scripts/fuzz/sip.sh`) and the
/// tests, which run it briefly on a seeded corpus (notes/fuzzing.md). Whatever the bytes:
///
/// - the codec parses them or refuses them with a typed error, and never traps;
/// - a message that parses serializes and parses back to an equal message;
/// - every typed accessor answers or throws; the values it returns print and parse back equal;
/// - the stream framer, fed the same bytes in two chunks, frames or refuses them.
///
/// ```swift
/// var target = SIPFuzzTarget()
/// target.exercise(bytes)                 // traps only on a bug (for libFuzzer)
/// let outcome = target.check(bytes)      // .violation(why) on a bug (for tests)
/// ```
public struct SIPFuzzTarget: Sendable {
    /// What one input did.
    public enum Outcome: Hashable, Sendable {
        /// The parser refused the bytes.
        case refused
        /// The bytes parsed and every property held.
        case parsed
        /// A property failed: a bug.
        case violation(String)
    }

    public init() {}

    /// One input, for libFuzzer: a property violation traps, so libFuzzer saves the input.
    public mutating func exercise(_ bytes: some Collection<UInt8>) {
        if case .violation(let why) = check(bytes) { preconditionFailure("SIP fuzz property violated: \(why)") }
    }

    /// One input, for tests.
    public func check(_ bytes: some Collection<UInt8>) -> Outcome {
        let input = Array(bytes)
        frame(input)
        guard let message = try? SIPMessage(parsing: input) else { return .refused }
        let serialized = message.serialized()
        guard let again = try? SIPMessage(parsing: serialized) else {
            return .violation("the serialized message does not parse: \(String(decoding: serialized, as: UTF8.self))")
        }
        guard again == message else {
            return .violation(
                "the serialized message parses differently: \(String(decoding: serialized, as: UTF8.self))")
        }
        if let why = Self.checkTyped(message) { return .violation(why) }
        return .parsed
    }

    /// The typed accessors, and the print-and-parse-back property of what they return.
    private static func checkTyped(_ message: SIPMessage) -> String? {
        let headers = message.headers
        for via in (try? headers.vias()) ?? [] where (try? SIPVia(parsing: via.description)) != via {
            return "Via \(via) does not parse back"
        }
        var addresses: [SIPNameAddress] = []
        for name in [SIPHeaderName.from, .to] {
            if let address = try? headerAddress(headers, name) { addresses.append(address) }
        }
        for name in [SIPHeaderName.route, .recordRoute, .path] { addresses += (try? headers.nameAddresses(name)) ?? [] }
        addresses += (try? headers.contacts())?.addresses ?? []
        for address in addresses {
            guard (try? SIPNameAddress(parsing: address.description)) == address else {
                return "address \(address) does not parse back"
            }
            guard address.uri.isEquivalent(to: address.uri) else { return "URI \(address.uri) differs from itself" }
            _ = address.tag
            _ = address.expires
        }
        _ = try? headers.callID()
        _ = try? headers.cseq()
        _ = try? headers.date()
        _ = headers.expires()
        _ = headers.maxForwards()
        _ = headers.contentLength()
        _ = headers.list(.require)
        for field in headers where SIPHeaderName(field.name.description) != field.name {
            return "header name \(field.name) does not name itself"
        }
        switch message {
        case .request(let request):
            guard (try? SIPURI(parsing: request.uri.description)) == request.uri else {
                return "Request-URI \(request.uri) does not parse back"
            }
            _ = request.uri.decodedUser
            if let rejection = request.validate(
                supportedExtensions: ["path"], supportedContentTypes: ["application/sdp"])
            {
                _ = SIPResponse(answering: request, rejection: rejection, toTag: "fz").serialized()
            }
            let answer = SIPResponse(answering: request, statusCode: 200, toTag: "fz").serialized()
            guard (try? SIPMessage(parsing: answer)) != nil else { return "the answer to a request does not parse" }
        case .response(let response):
            _ = try? response.validate()
        }
        return nil
    }

    private static func headerAddress(_ headers: SIPHeaders, _ name: SIPHeaderName) throws(SIPParseError)
        -> SIPNameAddress
    {
        name == .from ? try headers.from() : try headers.to()
    }

    /// The same bytes through the stream framer, in two chunks.
    private func frame(_ input: [UInt8]) {
        var framer = SIPStreamFramer(maximumMessageSize: 4_096)
        framer.append(Array(input.prefix(input.count / 2)))
        var items = 0
        while let item = try? framer.next() {
            items += 1
            if case .message(let bytes) = item { _ = try? SIPMessage(parsing: bytes) }
        }
        framer.append(Array(input.dropFirst(input.count / 2)))
        while let item = try? framer.next(), items < 1_000 {
            items += 1
            if case .message(let bytes) = item { _ = try? SIPMessage(parsing: bytes) }
        }
    }
}
