/// A JSON document as the API received it, before it is decoded into a model type.
///
/// Request bodies are parsed into a `JSONValue` first (see ``JSONValue/init(parsing:)``) so that the API can
/// say where a syntax error is (line and column), refuse a body that is not an object, and merge a partial
/// update over the current resource before decoding it with ``JSONValueDecoder``:
///
/// ```swift
/// let patch = try JSONValue(parsing: Array(#"{"max_contacts": 5}"#.utf8))
/// let merged = current.merging(patch)           // current: the resource as JSON
/// let line = try JSONValueDecoder().decode(Line.self, from: merged)
/// ```
///
/// Numbers keep their literal text, so an id or a counter survives a round trip exactly.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number as written (`42`, `-1.5e3`); decoding converts it to the type asked for.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// What a client would call the value's type, for error messages ("expected a number, got a string").
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value with `patch`'s keys laid over it, one level deep: what a partial `PUT` means.
    ///
    /// Only the top-level keys are merged; a nested value given in the patch (an array of ranges, a list of
    /// lines) replaces the current one whole, which is what a client editing a list expects.
    public func merging(_ patch: JSONValue) -> JSONValue {
        guard case .object(var base) = self, case .object(let changes) = patch else { return patch }
        for (key, value) in changes { base[key] = value }
        return .object(base)
    }
}

extension JSONValue {
    /// The object with `defaults`' members added where it has none: what a create request may omit.
    public func filling(_ defaults: [String: JSONValue]) -> JSONValue {
        guard case .object(var members) = self else { return self }
        for (key, value) in defaults where members[key] == nil { members[key] = value }
        return .object(members)
    }

    /// The string value of an object's member, if it is one.
    public subscript(string key: String) -> String? {
        guard case .object(let members) = self, case .string(let value)? = members[key] else { return nil }
        return value
    }
}
