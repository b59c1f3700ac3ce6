/// The headers of a request that validation parsed (``SIPRequest/validated(supportedExtensions:supportedContentTypes:vias:)``):
/// To, From, Call-ID, CSeq, every Via and (unless asked not to) Contact. A registrar or a dialog layer reads them here instead of
/// parsing the same values again (each typed accessor of ``SIPHeaders`` parses on every call).
///
/// ```swift
/// guard case .valid(let parsed) = request.validated(supportedExtensions: []) else { … }
/// parsed.to.tag            // in a dialog?
/// parsed.cseq.sequence
/// ```
public struct SIPParsedHeaders: Hashable, Sendable {
    public var to: SIPNameAddress
    public var from: SIPNameAddress
    public var callID: String
    public var cseq: SIPCSeq
    /// Every Via value, top first (never empty).
    public var vias: [SIPVia]
    /// No Contact at all is `.addresses([])`; nil when validation was asked not to parse Contact (a
    /// registrar parses it after authentication, RFC 3261 §10.3 step 6, so a challenge never pays for it).
    public var contacts: SIPContactList?

    public init(
        to: SIPNameAddress, from: SIPNameAddress, callID: String, cseq: SIPCSeq, vias: [SIPVia],
        contacts: SIPContactList? = .addresses([])
    ) {
        self.to = to
        self.from = from
        self.callID = callID
        self.cseq = cseq
        self.vias = vias
        self.contacts = contacts
    }
}

/// What ``SIPRequest/validated(supportedExtensions:supportedContentTypes:vias:)`` decided.
public enum SIPValidation: Hashable, Sendable {
    /// Go on, with the headers validation parsed.
    case valid(SIPParsedHeaders)
    /// Answer with this error response, do not process.
    case rejected(SIPRejection)
}
