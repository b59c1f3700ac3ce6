/// A JSON value that remembers where each of its parts starts, for errors that point into a file.
///
/// Objects are ordered lists of ``JSONMember``s, so a key written twice is kept twice, in file order, and a
/// configuration loader can say `duplicate valid-lifetime entries … (previous at f:1:30)` as Kea does.
///
/// ```swift
/// let document = try JSONDocument(parsing: Array(#"{"a": [1, 2]}"#.utf8), options: .kea)
/// document.root.members?.first?.keyPosition   // 1:2
/// ```
public struct JSONNode: Equatable, Sendable {
    /// The value itself; containers hold nodes.
    public indirect enum Value: Equatable, Sendable {
        case null
        case bool(Bool)
        /// The number as written (`42`, `-1.5e3`).
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    public var value: Value
    /// Where the value starts: its first character (`{`, `[`, `"`, a digit, `t`…).
    public var position: JSONPosition

    public init(_ value: Value, at position: JSONPosition) {
        self.value = value
        self.position = position
    }

    /// The object's members in file order, or `nil` if the node is not an object.
    public var members: [JSONMember]? {
        guard case .object(let members) = value else { return nil }
        return members
    }

    /// The array's elements, or `nil` if the node is not an array.
    public var elements: [JSONNode]? {
        guard case .array(let elements) = value else { return nil }
        return elements
    }

    /// The value without positions. Of members with the same key, the last wins.
    public var plainValue: JSONValue {
        switch value {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .number(let literal): .number(literal)
        case .string(let string): .string(string)
        case .array(let elements): .array(elements.map(\.plainValue))
        case .object(let members):
            .object(Dictionary(members.map { ($0.key, $0.value.plainValue) }, uniquingKeysWith: { _, last in last }))
        }
    }
}

/// One `"key": value` of an object, with where the key starts.
public struct JSONMember: Equatable, Sendable {
    public var key: String
    /// Where the key's opening quote is.
    public var keyPosition: JSONPosition
    public var value: JSONNode

    public init(key: String, keyPosition: JSONPosition, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
