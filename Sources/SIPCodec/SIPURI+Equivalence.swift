extension SIPURI {
    /// URI comparison by RFC 3261 §19.1.4 (sip and sips), RFC 3966 §4 (tel), else exact after unescaping.
    ///
    /// For SIP URIs: user and password compare case-sensitively after unescaping; the host case-insensitively;
    /// a port, or a `user`, `ttl`, `method`, `maddr` or `transport` parameter, present in one only, makes them
    /// differ; other parameters only matter when present in both (values compared case-insensitively); URI
    /// headers must all be present in both. Order never matters. Like the RFC's rule, this is not transitive.
    ///
    /// ```swift
    /// // RFC 3261 §19.1.4's examples:
    /// try SIPURI(parsing: "sip:%61lice@atlanta.com;transport=TCP")
    ///     .isEquivalent(to: SIPURI(parsing: "sip:alice@AtLanTa.CoM;Transport=tcp"))   // true
    /// try SIPURI(parsing: "sip:bob@biloxi.com")
    ///     .isEquivalent(to: SIPURI(parsing: "sip:bob@biloxi.com:5060"))               // false
    /// ```
    public func isEquivalent(to other: SIPURI) -> Bool {
        // Identical parts are equivalent under every rule below (a phone refreshing its binding sends the
        // same Contact): the common case costs one comparison, no unescaping.
        if self == other { return true }
        guard scheme == other.scheme else { return false }
        switch scheme {
        case .sip, .sips:
            return sipEquivalent(to: other)
        case .tel:
            return Self.telephoneDigits(user) == Self.telephoneDigits(other.user)
                && Self.sameParameterSet(parameters, other.parameters)
        case .other:
            return (opaque.map(Self.percentDecoded) ?? "") == (other.opaque.map(Self.percentDecoded) ?? "")
        }
    }

    private func sipEquivalent(to other: SIPURI) -> Bool {
        guard decodedUser == other.decodedUser,
            password.map(Self.percentDecoded) == other.password.map(Self.percentDecoded),
            host.equalsIgnoringASCIICase(other.host), port == other.port
        else { return false }
        for name in ["user", "ttl", "method", "maddr", "transport"]
        where parameters.contains(name) != other.parameters.contains(name) {
            return false
        }
        // A repeated parameter name counts once, by its first value, as lookups see it.
        for (index, parameter) in parameters.list.enumerated() where !Self.isRepeat(parameters, index) {
            guard let counterpart = other.parameters.parameter(parameter.name) else { continue }
            guard Self.sameValue(parameter.value, counterpart.value) else { return false }
        }
        guard headers.count == other.headers.count else { return false }
        for header in headers {
            let name = Self.percentDecoded(header.name)
            let value = Self.percentDecoded(header.value)
            guard
                other.headers.contains(where: {
                    Self.percentDecoded($0.name).equalsIgnoringASCIICase(name) && Self.percentDecoded($0.value) == value
                })
            else { return false }
        }
        return true
    }

    private static func sameValue(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case (let lhs?, let rhs?): return percentDecoded(lhs).equalsIgnoringASCIICase(percentDecoded(rhs))
        default: return false
        }
    }

    /// Parameters compared as sets, names and values case-insensitively (RFC 3966 §4).
    private static func sameParameterSet(_ lhs: SIPParameters, _ rhs: SIPParameters) -> Bool {
        func covers(_ lhs: SIPParameters, _ rhs: SIPParameters) -> Bool {
            lhs.list.indices.allSatisfy { index in
                isRepeat(lhs, index)
                    || rhs.parameter(lhs.list[index].name).map { sameValue(lhs.list[index].value, $0.value) } ?? false
            }
        }
        return covers(lhs, rhs) && covers(rhs, lhs)
    }

    /// Whether the parameter at `index` repeats the name of an earlier one.
    private static func isRepeat(_ parameters: SIPParameters, _ index: Int) -> Bool {
        let name = parameters.list[index].name
        return parameters.list[..<index].contains { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// The number without visual separators, lowercased (RFC 3966 §4: they are not significant).
    private static func telephoneDigits(_ number: String?) -> String {
        let separators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")")]
        let bytes = percentDecoded(number ?? "").utf8.filter { !separators.contains($0) }
        return String(decoding: bytes.map(SIPByteClass.lowercased), as: UTF8.self)
    }
}
