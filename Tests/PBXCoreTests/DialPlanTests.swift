import CastorModel
import Testing

@testable import PBXCore

@Suite("Dial plan by context (XiVO's includes)")
struct DialPlanTests {
    static let contexts = [
        Context(
            name: "comptabilite", displayName: "Comptabilité",
            ranges: [NumberRange(kind: .user, start: "1000", end: "1099")]),
        Context(
            name: "administratif", displayName: "Administratif",
            ranges: [NumberRange(kind: .user, start: "2000", end: "2099")]),
        Context(
            name: "direction", displayName: "Direction", ranges: [NumberRange(kind: .user, start: "3000", end: "3099")],
            includes: ["administratif"]),
        Context(name: "secours", displayName: "Secours", ranges: [NumberRange(kind: .user, start: "100", end: "199")]),
    ]
    static let extensions = [
        Extension(context: "comptabilite", exten: "1001", lineID: 1),
        Extension(context: "comptabilite", exten: "1002", lineID: 2),
        Extension(context: "administratif", exten: "2001", lineID: 3),
        Extension(context: "direction", exten: "3001", lineID: 4),
        Extension(context: "administratif", exten: "2050"),
        Extension(context: "secours", exten: "112", lineID: 9),
        Extension(context: "comptabilite", exten: "1090", kind: .group),
    ]

    func plan(_ contexts: [Context] = Self.contexts) -> DialPlan {
        DialPlan(contexts: contexts, extensions: Self.extensions)
    }

    @Test("a number of the caller's own context rings its line")
    func sameContext() {
        #expect(plan().route("1002", from: "comptabilite") == .line(lineID: 2, context: "comptabilite"))
    }

    @Test("another context's number is refused until the caller's context includes it")
    func includeOpensTheRoute() {
        #expect(plan().route("2001", from: "comptabilite") == .notIncluded(context: "administratif"))
        var contexts = Self.contexts
        contexts[0].includes = ["administratif"]
        #expect(plan(contexts).route("2001", from: "comptabilite") == .line(lineID: 3, context: "administratif"))
        // Inclusion is one way.
        #expect(plan(contexts).route("1001", from: "administratif") == .notIncluded(context: "comptabilite"))
    }

    @Test("includes are searched depth first and transitively; cycles end")
    func transitiveIncludes() {
        var contexts = Self.contexts
        contexts[0].includes = ["direction"]  // comptabilite → direction → administratif
        contexts[1].includes = ["comptabilite"]  // administratif → comptabilite: a cycle
        let plan = plan(contexts)
        #expect(plan.searchOrder(from: "comptabilite") == ["comptabilite", "direction", "administratif"])
        #expect(plan.route("2001", from: "comptabilite") == .line(lineID: 3, context: "administratif"))
        #expect(plan.route("3001", from: "administratif") == .line(lineID: 4, context: "direction"))
    }

    @Test("the caller's own context wins over an included one with the same number")
    func ownContextFirst() {
        var contexts = Self.contexts
        contexts[0].includes = ["administratif"]
        let plan = DialPlan(
            contexts: contexts,
            extensions: Self.extensions + [Extension(context: "administratif", exten: "1002", lineID: 7)])
        #expect(plan.route("1002", from: "comptabilite") == .line(lineID: 2, context: "comptabilite"))
    }

    @Test("unknown numbers, extensions without a line, and kinds not routed yet")
    func otherOutcomes() {
        #expect(plan().route("1050", from: "comptabilite") == .notFound)
        #expect(plan().route("", from: "comptabilite") == .notFound)
        #expect(plan().route("2050", from: "administratif") == .unassigned(context: "administratif"))
        #expect(plan().route("1090", from: "comptabilite") == .unsupported(kind: .group, context: "comptabilite"))
        #expect(plan().route("1001", from: "nowhere") == .notIncluded(context: "comptabilite"))
    }

    @Test("emergency numbers are routable from every context, included or not")
    func emergency() {
        #expect(plan().route("112", from: "comptabilite") == .line(lineID: 9, context: "secours"))
        #expect(plan().route("112", from: "administratif") == .line(lineID: 9, context: "secours"))
        #expect(plan().route("118", from: "administratif") == .emergencyUnavailable(number: "118"))
        let noEmergency = DialPlan(contexts: Self.contexts, extensions: Self.extensions, emergencyNumbers: [])
        #expect(noEmergency.route("112", from: "comptabilite") == .notIncluded(context: "secours"))
    }
}
