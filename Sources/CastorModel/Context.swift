/// A dial-plan context, as in XiVO: the lines in it may call what it holds and what it includes.
///
/// A context owns number ranges (XiVO's "intervalles de numéros"): an extension for a user must fall in
/// one of its `user` ranges, a group's in a `group` range, and so on.
public struct Context: Codable, Equatable, Sendable {
    /// XiVO's context types.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case `internal`, incall, outcall
    }

    public var id: Int64?
    /// The entity's name (`lab`).
    public var entity: String
    /// Unique, lower-case identifier used by the dial plan (`comptabilite`).
    public var name: String
    public var displayName: String
    public var type: Kind
    public var ranges: [NumberRange]
    /// Names of the contexts this one may call, in order (XiVO's "contextes inclus").
    public var includes: [String]

    public init(
        id: Int64? = nil, entity: String = "lab", name: String, displayName: String, type: Kind = .internal,
        ranges: [NumberRange] = [], includes: [String] = []
    ) {
        self.id = id
        self.entity = entity
        self.name = name
        self.displayName = displayName
        self.type = type
        self.ranges = ranges
        self.includes = includes
    }

    enum CodingKeys: String, CodingKey {
        case id, entity, name, type, ranges, includes
        case displayName = "display_name"
    }

    /// Checks the context on its own (names, ranges); references to other rows are the store's to check.
    public func validate() throws(CastorError) {
        try Validate.identifier(name, field: "name")
        try Validate.identifier(entity, field: "entity")
        try Validate.label(displayName, field: "display_name")
        for (index, range) in ranges.enumerated() {
            try range.validate(field: "ranges[\(index)]")
        }
        // Two ranges of the same kind must not overlap: XiVO refuses it, and it would make an
        // extension's range ambiguous.
        for (i, a) in ranges.enumerated() {
            for (j, b) in ranges.enumerated() where j > i && a.kind == b.kind && a.overlaps(b) {
                throw .invalid(
                    field: "ranges[\(j)]",
                    reason: "\(b.kind.rawValue) range \(b) overlaps \(a) (ranges[\(i)])")
            }
        }
        for (index, included) in includes.enumerated() {
            try Validate.identifier(included, field: "includes[\(index)]")
            if included == name {
                throw .invalid(field: "includes[\(index)]", reason: "a context cannot include itself")
            }
        }
        if Set(includes).count != includes.count {
            throw .invalid(field: "includes", reason: "a context is included twice")
        }
    }

    /// The range of `kind` that holds `exten`, if any.
    public func range(of kind: NumberRange.Kind, holding exten: String) -> NumberRange? {
        ranges.first { $0.kind == kind && $0.contains(exten) }
    }
}

/// An interval of extensions of one kind, both ends included (`1000`–`1099`).
///
/// Numbers compare as numbers of the same width: `1000`–`1099` holds `1042` but not `042` nor `10420`,
/// as in XiVO, where a range's start and end have the same number of digits.
public struct NumberRange: Codable, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case user, group, queue, ivr, conference, incall
    }

    public var kind: Kind
    public var start: String
    public var end: String

    public init(kind: Kind, start: String, end: String) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }

    public func validate(field: String) throws(CastorError) {
        try Validate.digits(start, field: "\(field).start")
        try Validate.digits(end, field: "\(field).end")
        guard start.count == end.count else {
            throw .invalid(
                field: "\(field).end", reason: "\"\(end)\" must have as many digits as the start \"\(start)\"")
        }
        guard start <= end else {
            throw .invalid(field: "\(field).end", reason: "the range ends (\(end)) before it starts (\(start))")
        }
    }

    /// Whether `exten` lies in the range (same width, numerically between the ends).
    public func contains(_ exten: String) -> Bool {
        exten.count == start.count && exten.allSatisfy(\.isASCIIDigit) && start <= exten && exten <= end
    }

    public func overlaps(_ other: NumberRange) -> Bool {
        start.count == other.start.count && start <= other.end && other.start <= end
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
