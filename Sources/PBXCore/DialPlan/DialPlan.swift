import CastorModel

/// The dial plan by context, XiVO's model (Asterisk's `include =>`): a line's context decides what it may
/// call. A dialled number is looked up in the caller's context, then in the contexts it includes, depth
/// first and in order, each included context's own includes with it (Asterisk searches includes
/// recursively; a context reached twice is searched once). Emergency numbers are routable from every
/// context, included or not — except from the autoprov context (`DialPlan+Autoprov.swift`), which reaches
/// provisioning codes and nothing else.
///
/// ```swift
/// let plan = DialPlan(contexts: store.contexts(), extensions: store.extensions())
/// switch plan.route("2001", from: "comptabilite") {
/// case .line(let lineID, let context): …      // ring it
/// case .notFound: …                             // 404
/// }
/// ```
public struct DialPlan: Sendable, Equatable {
    /// Numbers routable from every context (Swiss and European emergency numbers by default).
    public static let defaultEmergencyNumbers = ["112", "117", "118", "144"]

    var includes: [String: [String]] = [:]
    /// Context → number → extension.
    var extensions: [String: [String: Extension]] = [:]
    public let emergencyNumbers: Set<String>
    /// Provisioning code → line id: what the autoprov context may dial.
    var provisioningCodes: [String: Int64] = [:]

    public init(
        contexts: [Context], extensions: [Extension], emergencyNumbers: [String] = DialPlan.defaultEmergencyNumbers,
        provisioningCodes: [String: Int64] = [:]
    ) {
        for context in contexts { includes[context.name] = context.includes }
        for item in extensions { self.extensions[item.context, default: [:]][item.exten] = item }
        self.emergencyNumbers = Set(emergencyNumbers)
        self.provisioningCodes = provisioningCodes
    }

    /// The contexts searched for a call from `context`, in order: itself, then its includes depth first.
    public func searchOrder(from context: String) -> [String] {
        var order: [String] = []
        var seen: Set<String> = []
        func visit(_ name: String) {
            guard seen.insert(name).inserted else { return }
            order.append(name)
            for included in includes[name] ?? [] { visit(included) }
        }
        visit(context)
        return order
    }

    /// Where `number` dialled from a line of `context` goes.
    public func route(_ number: String, from context: String) -> DialPlanRoute {
        if context == Self.autoprovContext { return routeFromAutoprov(number) }
        for name in searchOrder(from: context) {
            if let found = extensions[name]?[number] { return Self.route(found) }
        }
        if emergencyNumbers.contains(number) {
            // Emergency: wherever it is defined, from every context.
            for name in extensions.keys.sorted() {
                if let found = extensions[name]?[number] { return Self.route(found) }
            }
            return .emergencyUnavailable(number: number)
        }
        // Known elsewhere but not included: the caller gets 404 as for an unknown number (XiVO does the
        // same), the log says why.
        if let elsewhere = extensions.keys.sorted().first(where: { extensions[$0]?[number] != nil }) {
            return .notIncluded(context: elsewhere)
        }
        return .notFound
    }

    static func route(_ found: Extension) -> DialPlanRoute {
        switch found.kind {
        case .user:
            guard let lineID = found.lineID else { return .unassigned(context: found.context) }
            return .line(lineID: lineID, context: found.context)
        default:
            return .unsupported(kind: found.kind, context: found.context)
        }
    }
}

/// What the dial plan decided for a dialled number.
public enum DialPlanRoute: Sendable, Equatable {
    /// A user's extension: ring its line.
    case line(lineID: Int64, context: String)
    /// No context the caller may reach has the number (404).
    case notFound
    /// The number exists in `context`, which the caller's context does not include (404, logged).
    case notIncluded(context: String)
    /// An emergency number no context defines (the lab has no trunk): 503.
    case emergencyUnavailable(number: String)
    /// A user extension without a line (480).
    case unassigned(context: String)
    /// Groups, queues, IVRs and conferences come with later issues (501).
    case unsupported(kind: Extension.Kind, context: String)
    /// From the autoprov context: the provisioning code of a line (bind the calling phone to it).
    case provisioningCode(lineID: Int64)
    /// From the autoprov context: six digits that are no line's code (404, counted as a wrong code).
    case unknownProvisioningCode
    /// From the autoprov context: anything but six digits — an extension, an emergency number (403).
    case autoprovRestricted
}
