/// A person in the directory. A user may have SIP lines (see `Line`) and a voicemail box.
public struct User: Codable, Equatable, Sendable {
    public var id: Int64?
    public var name: String
    public var email: String?
    /// A locale such as `fr_FR` (phone menus, voicemail prompts).
    public var language: String
    /// The caller id shown to the called party, e.g. `"Alice" <1001>`; defaults to the name.
    public var callerID: String?

    public init(
        id: Int64? = nil, name: String, email: String? = nil, language: String = "fr_FR", callerID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.language = language
        self.callerID = callerID
    }

    enum CodingKeys: String, CodingKey {
        case id, name, email, language
        case callerID = "caller_id"
    }

    public func validate() throws(CastorError) {
        try Validate.label(name, field: "name")
        if let email { try Validate.email(email, field: "email") }
        try Validate.language(language, field: "language")
        if let callerID { try Validate.label(callerID, field: "caller_id") }
    }
}
