extension SIPRequest {
    /// Decides whether a UAS may process this request, or the error response it owes (RFC 3261 §8.2, in
    /// the RFC's order; RFC 4475 §3.1.2, §3.3). Nil means: go on.
    ///
    /// - 505 if the version is not SIP/2.0 (§8.2.1 is silent; §7.1 and RFC 4475 §3.1.2.16).
    /// - 416 if the Request-URI's scheme is not sip, sips or tel (§8.2.2.1).
    /// - 400 if To, From, Call-ID, CSeq or Via is missing, repeated (single-valued ones) or malformed; if
    ///   Max-Forwards, Contact, Record-Route or Date is present but malformed; if the CSeq method differs from
    ///   the request's (§8.1.1.5); if the Request-URI carries headers (§19.1.1's table; RFC 4475 §3.1.2.10);
    ///   if the top Via's branch is the bare magic cookie (RFC 4475 §3.2.1); if Content-Length exceeds the
    ///   body.
    /// - 420 with Unsupported if Require lists an option tag not in `supportedExtensions` (§8.2.2.3; not for
    ///   ACK or CANCEL). Option tags compare case-insensitively.
    /// - 415 with Accept if the request has a body whose Content-Type is not in `supportedContentTypes` (when
    ///   given; §8.2.3).
    ///
    /// Not decided here: 405/501 for methods (the application knows which it implements), 483 for
    /// Max-Forwards 0 (only when forwarding: ``SIPHeaders/maxForwards()``), 401/407 (SIPAuth), 481/482
    /// (transactions and dialogs).
    public func validate(
        supportedExtensions: Set<String>, supportedContentTypes: Set<String>? = nil
    ) -> SIPRejection? {
        if case .rejected(let rejection) = validated(
            supportedExtensions: supportedExtensions, supportedContentTypes: supportedContentTypes)
        {
            return rejection
        }
        return nil
    }

    /// ``validate(supportedExtensions:supportedContentTypes:)``, keeping what it parsed: a request that may be
    /// processed comes with its To, From, Call-ID, CSeq, Via and Contact values, so the code after it reads
    /// them without parsing them again. `vias` are the request's Via values when the caller parsed them
    /// already (a transaction layer does, to match the request). With `contacts` false, Contact is neither
    /// checked nor parsed (``SIPParsedHeaders/contacts`` is nil): the caller parses it when it needs it, as a
    /// registrar does after authentication (RFC 3261 §10.3: the contacts are step 6, authentication step 3).
    public func validated(
        supportedExtensions: Set<String>, supportedContentTypes: Set<String>? = nil, vias: [SIPVia]? = nil,
        contacts: Bool = true
    ) -> SIPValidation {
        guard version.equalsIgnoringASCIICase("SIP/2.0") else {
            return .rejected(SIPRejection(statusCode: 505, reasonPhrase: "Version Not Supported"))
        }
        switch uri.scheme {
        case .sip, .sips, .tel: break
        case .other: return .rejected(SIPRejection(statusCode: 416, reasonPhrase: "Unsupported URI Scheme"))
        }
        var parsed: SIPParsedHeaders
        switch mandatoryHeaders(vias: vias) {
        case .valid(let headers): parsed = headers
        case .rejected(let rejection): return .rejected(rejection)
        }
        if headers.contains(.maxForwards), headers.maxForwards() == nil || headers.count(.maxForwards) > 1 {
            return .rejected(SIPRejection(statusCode: 400, reasonPhrase: "Malformed Max-Forwards"))
        }
        do {
            parsed.contacts = contacts ? try headers.contacts() : nil
            if headers.contains(.recordRoute) { _ = try headers.nameAddresses(.recordRoute) }
            if headers.contains(.date) { _ = try headers.date() }
        } catch {
            return .rejected(Self.malformed(error))
        }
        if !uri.headers.isEmpty {
            return .rejected(SIPRejection(statusCode: 400, reasonPhrase: "Headers Not Allowed in Request-URI"))
        }
        if let length = headers.contentLength(), length > body.count {
            return .rejected(SIPRejection(statusCode: 400, reasonPhrase: "Content-Length Exceeds Body"))
        }
        if method != .ack, method != .cancel, headers.contains(.require) {
            let supported = Set(supportedExtensions.map(\.asciiLowercased))
            let unsupported = headers.list(.require).filter { !supported.contains($0.asciiLowercased) }
            if !unsupported.isEmpty {
                return .rejected(
                    SIPRejection(
                        statusCode: 420, reasonPhrase: "Bad Extension",
                        headers: [(.unsupported, unsupported.joined(separator: ", "))]))
            }
        }
        if let supportedContentTypes, !body.isEmpty {
            let type = headers[.contentType].map(Self.mediaType) ?? "application/sdp"
            if !supportedContentTypes.contains(where: { $0.equalsIgnoringASCIICase(type) }) {
                return .rejected(
                    SIPRejection(
                        statusCode: 415, reasonPhrase: "Unsupported Media Type",
                        headers: [(.accept, supportedContentTypes.sorted().joined(separator: ", "))]))
            }
        }
        return .valid(parsed)
    }

    private func mandatoryHeaders(vias knownVias: [SIPVia]?) -> SIPValidation {
        let mandatory: [SIPHeaderName] = [.to, .from, .callID, .cseq, .via]
        let missing = mandatory.filter { !headers.contains($0) }
        if !missing.isEmpty {
            let names = missing.map(\.description).joined(separator: ", ")
            return .rejected(
                SIPRejection(
                    statusCode: 400, reasonPhrase: "Missing \(names)",
                    error: SIPParseError(.missingHeader, at: 0, header: missing[0], "missing (RFC 3261 §8.1.1)")))
        }
        let parsed: SIPParsedHeaders
        do {
            let to = try headers.to()
            let from = try headers.from()
            let callID = try headers.callID()
            let cseq = try headers.cseq()
            var vias = knownVias ?? []
            if knownVias == nil { vias = try headers.vias() }
            parsed = SIPParsedHeaders(to: to, from: from, callID: callID, cseq: cseq, vias: vias)
        } catch {
            return .rejected(Self.malformed(error))
        }
        if parsed.vias.first?.branch == SIPVia.magicCookie {
            return .rejected(SIPRejection(statusCode: 400, reasonPhrase: "Via Branch Without Identifier"))
        }
        guard parsed.cseq.method == method else {
            return .rejected(SIPRejection(statusCode: 400, reasonPhrase: "CSeq Method Does Not Match Request"))
        }
        return .valid(parsed)
    }

    private static func malformed(_ error: SIPParseError) -> SIPRejection {
        let name = error.header?.description ?? "Header"
        let phrase = error.kind == .multipleHeaders ? "Multiple \(name) Headers" : "Malformed \(name)"
        return SIPRejection(statusCode: 400, reasonPhrase: phrase, error: error)
    }

    /// `type/subtype` of a Content-Type value, without parameters or whitespace.
    private static func mediaType(_ value: String) -> String {
        value.withUTF8Bytes { bytes in
            var scanner = SIPScanner(bytes)
            scanner.end = scanner.endOfElement(delimitedBy: UInt8(ascii: ";"))
            return scanner.string(scanner.trimmed(0..<scanner.end))
        }
    }
}

extension SIPResponse {
    /// Throws if a mandatory header (Via, From, To, Call-ID, CSeq) is missing, repeated or malformed, or the
    /// version is not SIP/2.0: such a response is discarded (RFC 3261 §18.1.2; RFC 4475 §3.1.2.5).
    public func validate() throws(SIPParseError) {
        guard version.equalsIgnoringASCIICase("SIP/2.0") else {
            throw SIPParseError(.invalidVersion, at: 0, "SIP-Version \(version) is not SIP/2.0")
        }
        _ = try headers.vias()
        _ = try headers.from()
        _ = try headers.to()
        _ = try headers.callID()
        _ = try headers.cseq()
    }
}
