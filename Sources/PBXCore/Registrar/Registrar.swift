import CastorCore
import CastorModel
import SIPAuth
import SIPCodec

/// The registrar (RFC 3261 §10.3): authenticates REGISTER requests with digest (RFC 7616) and keeps each
/// line's bindings. A pure state machine: the clock, the wall clock and randomness are inputs, and the
/// binding changes it returns are stored by the caller before the response is sent.
///
/// ```swift
/// var registrar = Registrar(configuration: .init(realm: "castor"), lines: lines, bindings: stored,
///                           nonceSecret: secret)
/// let outcome = registrar.register(request, from: source, now: now, wallClock: unixTime, salt: random,
///                                  toTag: tag)
/// try store.applyBindingChanges(outcome.changes)   // before the 200 leaves
/// send(outcome.response)
/// ```
///
/// An unknown user is answered exactly as a wrong password is (challenge, then 401 again or 403), after a
/// digest computed against a decoy key, so the answers reveal no user names.
public struct Registrar: Sendable {
    /// A binding with its contact parsed once (for §19.1.4 URI comparison).
    struct Contact: Sendable {
        var binding: SIPBinding
        var uri: SIPURI
    }

    public internal(set) var configuration: RegistrarConfiguration
    var lines: [String: RegistrarLine] = [:]
    var usernamesByID: [Int64: String] = [:]
    var contacts: [Int64: [Contact]] = [:]
    var nonces: NonceAuthority
    var nonceCounts: NonceCountWindow
    /// Failures per (source address, username): decides 401 again or 403.
    var retries: AuthFailureCounter
    /// Failures per source address (for `sip show` and, later, banning).
    public internal(set) var failuresBySource: AuthFailureCounter
    let decoy: [DigestAlgorithm: String]
    /// Challenge header values around their nonce (`challengeValue`), by realm, algorithm and staleness.
    var challengeTemplates: [ChallengeTemplateKey: (prefix: String, suffix: String)] = [:]
    /// The Date header of the second last answered (every 200 of that second carries the same one).
    var dateHeader: (second: Double, text: String) = (-1, "")

    public init(
        configuration: RegistrarConfiguration, lines: [RegistrarLine], bindings: [SIPBinding], nonceSecret: [UInt8]
    ) {
        self.configuration = configuration
        nonces = NonceAuthority(secret: nonceSecret, lifetime: configuration.nonceLifetime)
        nonceCounts = NonceCountWindow(capacity: 100_000, lifetime: configuration.nonceLifetime)
        retries = AuthFailureCounter(window: configuration.failureWindow, capacity: 50_000)
        failuresBySource = AuthFailureCounter(window: configuration.failureWindow, capacity: 50_000)
        var decoy: [DigestAlgorithm: String] = [:]
        for algorithm in DigestAlgorithm.allCases {
            decoy[algorithm] = Digest.ha1(
                username: "decoy", realm: configuration.realm, password: String(nonceSecret.count), algorithm: algorithm
            )
        }
        self.decoy = decoy
        replaceLines(lines)
        let known = Set(lines.map(\.lineID))
        for binding in bindings {
            guard let uri = try? SIPURI(parsing: binding.contact), known.contains(binding.lineID) else { continue }
            contacts[binding.lineID, default: []].append(Contact(binding: binding, uri: uri))
        }
    }

    /// Replaces the lines (a reload): bindings of lines that still exist are kept, even when their secret
    /// changed; those of removed lines are dropped, and returned as changes to store.
    @discardableResult
    public mutating func replaceLines(_ newLines: [RegistrarLine]) -> [SIPBindingChange] {
        lines = Dictionary(newLines.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
        usernamesByID = Dictionary(newLines.map { ($0.lineID, $0.username) }, uniquingKeysWith: { first, _ in first })
        let kept = Set(newLines.map(\.lineID))
        var changes: [SIPBindingChange] = []
        for (lineID, list) in contacts where !kept.contains(lineID) {
            changes += list.map { .remove(lineID: lineID, contact: $0.binding.contact) }
            contacts[lineID] = nil
        }
        return changes
    }

    /// The line registered under `username`, if any.
    public func line(username: String) -> RegistrarLine? { lines[username] }

    /// The line with database id `id`, if any.
    public func line(id: Int64) -> RegistrarLine? { usernamesByID[id].flatMap { lines[$0] } }

    /// Every line, by username.
    public var allLines: [RegistrarLine] { lines.values.sorted { $0.username < $1.username } }

    /// The live bindings of a line, oldest first.
    public func bindings(lineID: Int64) -> [SIPBinding] { contacts[lineID]?.map(\.binding) ?? [] }

    /// Every live binding.
    public var allBindings: [SIPBinding] {
        contacts.keys.sorted().flatMap { contacts[$0]?.map(\.binding) ?? [] }
    }

    /// Removes the bindings whose expiry has passed at `wallClock` and returns them as changes to store.
    public mutating func expire(wallClock: Double) -> [SIPBindingChange] {
        var changes: [SIPBindingChange] = []
        for (lineID, list) in contacts {
            let (gone, kept) = (
                list.filter { $0.binding.expiresAt <= wallClock },
                list.filter {
                    $0.binding.expiresAt > wallClock
                }
            )
            guard !gone.isEmpty else { continue }
            changes += gone.map { .remove(lineID: lineID, contact: $0.binding.contact) }
            contacts[lineID] = kept.isEmpty ? nil : kept
        }
        return changes
    }

    /// Answers one REGISTER (RFC 3261 §10.3 steps 1–8). `parsed`: its headers as validation parsed them
    /// (``SIPRequest/validated(supportedExtensions:supportedContentTypes:vias:)``), read instead of parsing
    /// them again; without them, each is parsed here and a malformed one is answered 400.
    public mutating func register(
        _ request: SIPRequest, parsed: SIPParsedHeaders? = nil, from source: SIPSource, now: MonotonicInstant,
        wallClock: Double, salt: UInt64, toTag: String
    ) -> RegistrarOutcome {
        let line: RegistrarLine
        switch authenticate(request, parsed: parsed, from: source, now: now, salt: salt, toTag: toTag) {
        case .answered(let outcome): return outcome
        case .authenticated(let authenticated): line = authenticated
        }
        func refuse(_ status: Int, _ reason: String) -> RegistrarOutcome {
            self.refuse(request, parsed, line, status, reason, toTag: toTag)
        }
        // Step 3: the authenticated user may change only its own address-of-record.
        guard let to = parsed?.to ?? (try? request.headers.to()) else { return refuse(400, "Bad To header") }
        guard to.uri.user == line.username || to.uri.decodedUser == line.username else {
            return refuse(403, "Not your address-of-record")
        }
        guard let callID = parsed?.callID ?? (try? request.headers.callID()),
            let cseq = parsed?.cseq ?? (try? request.headers.cseq())
        else {
            return refuse(400, "Bad Call-ID or CSeq")
        }
        let contactList: SIPContactList
        if let parsedContacts = parsed?.contacts {
            contactList = parsedContacts
        } else {
            do {
                contactList = try request.headers.contacts()
            } catch {
                return refuse(400, "Bad Contact header")
            }
        }
        let headerExpires = request.headers.expires()
        var changes: [SIPBindingChange] = []
        var added = 0
        var removed = 0
        switch contactList {
        case .wildcard:
            // Step 6: "*" only alone and with Expires: 0 (§10.2.2).
            guard headerExpires == 0, request.headers.values(.contact).count == 1 else {
                return refuse(400, "Contact * needs Expires: 0 and no other contact")
            }
            for contact in contacts[line.lineID] ?? [] {
                if contact.binding.callID == callID, contact.binding.cseq >= cseq.sequence {
                    return refuse(500, "Out of order CSeq")
                }
            }
            removed = contacts[line.lineID]?.count ?? 0
            changes = (contacts[line.lineID] ?? []).map { .remove(lineID: line.lineID, contact: $0.binding.contact) }
            contacts[line.lineID] = nil
        case .addresses(let addresses):
            // Step 7, first pass: validate every contact before changing anything (all or nothing).
            var planned: [(address: SIPNameAddress, expires: Int)] = []
            for address in addresses {
                var expires =
                    address.parameters.value("expires").flatMap { Int($0) } ?? headerExpires
                    ?? configuration.defaultExpires
                if expires < 0 { expires = configuration.defaultExpires }
                if expires != 0, expires < configuration.minExpires {
                    var response = SIPResponse(answering: request, statusCode: 423, toTag: toTag, parsed: parsed)
                    response.headers.append(.minExpires, String(configuration.minExpires))
                    return RegistrarOutcome(
                        response: response, event: .refused(username: line.username, status: 423))
                }
                planned.append((address, min(expires, configuration.maxExpires)))
            }
            // Out of the table while it changes, so that the change is made in place (no copy of the list).
            var list = contacts.removeValue(forKey: line.lineID) ?? []
            for (address, _) in planned {
                // Indices: the stored contacts are read in place, not copied (a binding is nine strings).
                if let existing = list.firstIndex(where: { $0.uri.isEquivalent(to: address.uri) }),
                    list[existing].binding.callID == callID, list[existing].binding.cseq >= cseq.sequence
                {
                    contacts[line.lineID] = list
                    return refuse(500, "Out of order CSeq")
                }
            }
            let via = parsed?.vias.first ?? (try? request.headers.vias().first)
            let userAgent = request.headers[.userAgent]
            for (address, expires) in planned {
                let index = list.firstIndex { $0.uri.isEquivalent(to: address.uri) }
                if expires == 0 {
                    if let index {
                        changes.append(.remove(lineID: line.lineID, contact: list[index].binding.contact))
                        list.remove(at: index)
                        removed += 1
                    }
                    continue
                }
                let instance = address.parameters.value("+sip.instance")
                // RFC 5626 §6: a contact with the same instance replaces the old one (a phone that restarted
                // on another port).
                if let instance,
                    let old = list.firstIndex(where: { $0.binding.instance == instance && $0.uri != address.uri })
                {
                    changes.append(.remove(lineID: line.lineID, contact: list[old].binding.contact))
                    list.remove(at: old)
                    removed += 1
                }
                // A refresh sends the same Contact: its text is the stored one, not formatted again.
                let contactText =
                    list.firstIndex { $0.uri == address.uri }.map { list[$0].binding.contact }
                    ?? address.uri.description
                let binding = SIPBinding(
                    lineID: line.lineID, username: line.username, contact: contactText,
                    target: Self.target(contact: address.uri, text: contactText, via: via, source: source),
                    transport: source.transport, sourceAddress: source.address, sourcePort: source.port,
                    callID: callID, cseq: cseq.sequence, registeredAt: wallClock,
                    expiresAt: wallClock + Double(expires), userAgent: userAgent,
                    q: address.parameters.value("q").flatMap { Double($0) }, instance: instance)
                if let index = list.firstIndex(where: { $0.uri.isEquivalent(to: address.uri) }) {
                    list[index] = Contact(binding: binding, uri: address.uri)
                } else {
                    list.append(Contact(binding: binding, uri: address.uri))
                    added += 1
                }
                changes.append(.save(binding))
            }
            // More contacts than the line allows: the oldest registrations make room (Asterisk's
            // remove_existing), so a phone that restarted on a new port is not locked out.
            while list.count > max(1, line.maxContacts) {
                let oldest = list.indices.min { list[$0].binding.registeredAt < list[$1].binding.registeredAt } ?? 0
                changes.append(.remove(lineID: line.lineID, contact: list[oldest].binding.contact))
                list.remove(at: oldest)
                removed += 1
            }
            contacts[line.lineID] = list.isEmpty ? nil : list
        }
        // Step 8: 200 OK listing every current binding with its remaining lifetime.
        var response = SIPResponse(answering: request, statusCode: 200, toTag: toTag, parsed: parsed)
        if let list = contacts[line.lineID] {
            for index in list.indices {
                let remaining = max(0, Int((list[index].binding.expiresAt - wallClock).rounded()))
                response.headers.append(.contact, "<\(list[index].binding.contact)>;expires=\(remaining)")
            }
        }
        response.headers.append(.date, date(wallClock))
        return RegistrarOutcome(
            response: response, changes: changes,
            event: .registered(
                username: line.username, contacts: contacts[line.lineID]?.count ?? 0, added: added, removed: removed))
    }

    /// The Date header (RFC 3261 §20.17) for `wallClock`, formatted once per second.
    mutating func date(_ wallClock: Double) -> String {
        let second = wallClock.rounded(.down)
        if second != dateHeader.second { dateHeader = (second, SIPDate(unixSeconds: second).description) }
        return dateHeader.text
    }

    /// Where requests for a contact go: the contact itself, unless the top Via shows the phone behind NAT
    /// (its sent-by differs from the packet's source, RFC 3581 §4), then the source address and port.
    /// `text` is the contact as text, when the caller has it.
    static func target(contact: SIPURI, text: String? = nil, via: SIPVia?, source: SIPSource) -> String {
        guard let via else { return text ?? contact.description }
        let reliable = source.transport != "udp"
        let sentByPort = via.port ?? (source.transport == "tls" ? 5061 : 5060)
        let behindNAT = via.host != source.address || (!reliable && sentByPort != source.port)
        guard behindNAT else { return text ?? contact.description }
        var uri = contact
        uri.host = source.address
        uri.port = source.port
        return uri.description
    }

    func refuse(
        _ request: SIPRequest, _ parsed: SIPParsedHeaders?, _ line: RegistrarLine, _ status: Int, _ reason: String,
        toTag: String
    ) -> RegistrarOutcome {
        RegistrarOutcome(
            response: SIPResponse(
                answering: request, statusCode: status, reasonPhrase: reason, toTag: toTag, parsed: parsed),
            event: .refused(username: line.username, status: status))
    }
}
