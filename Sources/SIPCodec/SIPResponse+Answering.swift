extension SIPResponse {
    /// The response a UAS (or a stateless proxy's error) sends to `request` (RFC 3261 §8.2.6.2): every Via in
    /// order, From, To, Call-ID and CSeq copied; a `tag` added to To if it has none and `toTag` is given
    /// (§8.2.6.2: mandatory except on 100 Trying); Timestamp copied (§8.2.6.1). No body. `parsed`, the
    /// request's headers as validation parsed them, spares parsing To again to see whether it has a tag.
    ///
    /// ```swift
    /// let trying = SIPResponse(answering: invite, statusCode: 100)
    /// let ok = SIPResponse(answering: register, statusCode: 200, toTag: tags.next())
    /// ```
    public init(
        answering request: SIPRequest, statusCode: Int, reasonPhrase: String? = nil, toTag: String? = nil,
        parsed: SIPParsedHeaders? = nil
    ) {
        var headers = SIPHeaders()
        // The copied fields, and room for what a UAS adds (To's tag aside): Server, Contact or
        // WWW-Authenticate, Date, Expires, Content-Length.
        headers.fields.reserveCapacity(12)
        for field in request.headers.fields {
            switch field.name {
            case .via, .from, .callID, .cseq, .timestamp:
                headers.fields.append(field)
            case .to:
                var value = field.value
                if let toTag, (parsed != nil ? parsed?.to.tag : (try? request.headers.to())?.tag) == nil {
                    value += ";tag=\(toTag)"
                }
                headers.fields.append(SIPHeaderField(name: .to, value: value))
            default:
                continue
            }
        }
        self.init(statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers)
    }

    /// The response ``SIPRequest/validate(supportedExtensions:supportedContentTypes:)`` decided on, with its
    /// extra headers (Unsupported for 420, Accept for 415).
    public init(answering request: SIPRequest, rejection: SIPRejection, toTag: String? = nil) {
        self.init(
            answering: request, statusCode: rejection.statusCode, reasonPhrase: rejection.reasonPhrase, toTag: toTag)
        headers.fields.append(contentsOf: rejection.headers.fields)
    }
}
