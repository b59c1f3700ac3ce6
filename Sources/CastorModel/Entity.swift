/// An entity (XiVO's tenant): a school or a lab owning contexts. Castor creates one, `lab`, and allows more.
public struct Entity: Codable, Equatable, Sendable {
    public var id: Int64?
    public var name: String
    public var displayName: String

    public init(id: Int64? = nil, name: String, displayName: String) {
        self.id = id
        self.name = name
        self.displayName = displayName
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case displayName = "display_name"
    }

    public func validate() throws(CastorError) {
        try Validate.identifier(name, field: "name")
        try Validate.label(displayName, field: "display_name")
    }
}
