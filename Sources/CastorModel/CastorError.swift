/// What went wrong with a change to the model, in words an installer can act on.
///
/// The store maps every constraint it enforces to one of these, so a caller never sees a SQLite message;
/// the API maps them to HTTP: `invalid` → 400, `notFound` → 404, `conflict` → 409.
public enum CastorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field's value is not acceptable: `field` names it as the API spells it (`exten`, `mac`, `ranges[0].start`).
    case invalid(field: String, reason: String)
    /// No `kind` with that key (`context "compta"`, `user 12`).
    case notFound(kind: String, key: String)
    /// The value is valid on its own but clashes with what exists (a duplicate, or something still held).
    case conflict(field: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): return "\(field): \(reason)"
        case .notFound(let kind, let key): return "\(kind) \(key) not found"
        case .conflict(let field, let reason): return "\(field): \(reason)"
        }
    }

    /// The field concerned, if any (for the API's error body).
    public var field: String? {
        switch self {
        case .invalid(let field, _), .conflict(let field, _): return field
        case .notFound: return nil
        }
    }
}
