/// A voicemail box: a number in a context, a PIN to listen, an optional email for notifications.
public struct VoicemailBox: Codable, Equatable, Sendable {
    public var id: Int64?
    public var number: String
    public var context: String
    public var name: String
    /// Digits only, 4 to 10 of them (phones can only dial digits at the PIN prompt).
    public var pin: String
    public var email: String?
    /// The user whose box it is, if any.
    public var userID: Int64?

    public init(
        id: Int64? = nil, number: String, context: String, name: String, pin: String, email: String? = nil,
        userID: Int64? = nil
    ) {
        self.id = id
        self.number = number
        self.context = context
        self.name = name
        self.pin = pin
        self.email = email
        self.userID = userID
    }

    enum CodingKeys: String, CodingKey {
        case id, number, context, name, pin, email
        case userID = "user_id"
    }

    public func validate() throws(CastorError) {
        try Validate.digits(number, field: "number")
        try Validate.identifier(context, field: "context")
        try Validate.label(name, field: "name")
        try Validate.digits(pin, field: "pin")
        guard (4...10).contains(pin.count) else {
            throw .invalid(field: "pin", reason: "must be 4 to 10 digits, got \(pin.count)")
        }
        if let email { try Validate.email(email, field: "email") }
    }
}
