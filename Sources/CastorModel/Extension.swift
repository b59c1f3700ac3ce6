/// A number in a context and what it reaches. Unique in its context; a user's extension lies in one of the
/// context's `user` ranges (XiVO refuses anything else), a group's in a `group` range, and so on.
public struct Extension: Codable, Equatable, Sendable {
    /// What dialling the number reaches. The kind decides which of the context's ranges it must fall in.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case user, group, queue, ivr, conference, incall

        public var rangeKind: NumberRange.Kind {
            switch self {
            case .user: .user
            case .group: .group
            case .queue: .queue
            case .ivr: .ivr
            case .conference: .conference
            case .incall: .incall
            }
        }
    }

    public var id: Int64?
    public var context: String
    public var exten: String
    public var kind: Kind
    /// The line this extension rings, for `user` extensions.
    public var lineID: Int64?

    public init(id: Int64? = nil, context: String, exten: String, kind: Kind = .user, lineID: Int64? = nil) {
        self.id = id
        self.context = context
        self.exten = exten
        self.kind = kind
        self.lineID = lineID
    }

    enum CodingKeys: String, CodingKey {
        case id, context, exten, kind
        case lineID = "line_id"
    }

    public func validate() throws(CastorError) {
        try Validate.identifier(context, field: "context")
        try Validate.digits(exten, field: "exten")
    }

    /// Checks that the extension fits its context's ranges.
    public func validate(in context: Context) throws(CastorError) {
        try validate()
        guard context.range(of: kind.rangeKind, holding: exten) != nil else {
            let ranges = context.ranges.filter { $0.kind == kind.rangeKind }.map(\.description)
            let allowed =
                ranges.isEmpty
                ? "it has no \(kind.rangeKind.rawValue) range"
                : "its \(kind.rangeKind.rawValue) ranges are \(ranges.joined(separator: ", "))"
            throw .invalid(
                field: "exten",
                reason:
                    "\(exten) is outside the \(kind.rangeKind.rawValue) ranges of context \"\(context.name)\" (\(allowed))"
            )
        }
    }
}
