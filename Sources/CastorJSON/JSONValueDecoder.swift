/// Decodes a model type from a ``JSONValue``, with errors that name the field as a client spells it.
///
/// Foundation's `JSONDecoder` reports a fractional `max_contacts` as "the given data was not valid JSON";
/// this decoder says `max_contacts: expected an integer, got 3.5`. It also refuses members the type does not
/// read (`unknown field "displayname"`), so a typo is not silently ignored.
///
/// ```swift
/// let line = try JSONValueDecoder().decode(Line.self, from: body)
/// ```
public struct JSONValueDecoder {
    /// Why a body does not decode, with the path of the offending field (`ranges[0].start`), if any.
    public struct Failure: Error, Equatable, Sendable {
        public var field: String?
        public var message: String
    }

    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(Failure) -> T {
        let tracker = KeyTracker()
        let decoded: T
        do {
            decoded = try T(from: ValueDecoder(value: value, codingPath: [], tracker: tracker))
        } catch let error as DecodingError {
            throw Self.failure(from: error)
        } catch {
            throw Failure(field: nil, message: "\(error)")
        }
        if let unknown = tracker.firstUnknownMember(of: value) {
            throw Failure(field: unknown, message: "\(unknown): unknown field")
        }
        return decoded
    }

    static func failure(from error: DecodingError) -> Failure {
        switch error {
        case .keyNotFound(let key, let context):
            let field = CodingPath.render(context.codingPath + [key])
            return Failure(field: field, message: "\(field): required field is missing")
        case .valueNotFound(_, let context):
            let field = CodingPath.render(context.codingPath)
            return Failure(field: field, message: "\(field): must not be null")
        case .typeMismatch(_, let context), .dataCorrupted(let context):
            let field = CodingPath.render(context.codingPath)
            if field.isEmpty { return Failure(field: nil, message: context.debugDescription) }
            return Failure(field: field, message: "\(field): \(context.debugDescription)")
        @unknown default:
            return Failure(field: nil, message: "\(error)")
        }
    }
}

/// Renders a coding path as the API's error bodies and `CastorError` fields spell it: `ranges[0].start`.
enum CodingPath {
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if key is IndexKey, let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}

/// The key of an array element.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// Remembers which object members a decode read, to find the ones the type does not know.
final class KeyTracker {
    private var seen: Set<String> = []

    func saw(_ path: [any CodingKey]) { seen.insert(CodingPath.render(path)) }

    func firstUnknownMember(of value: JSONValue, path: [any CodingKey] = []) -> String? {
        switch value {
        case .object(let members):
            for key in members.keys.sorted() {
                let childPath = path + [NameKey(key)]
                guard seen.contains(CodingPath.render(childPath)) else { return CodingPath.render(childPath) }
                if let unknown = firstUnknownMember(of: members[key] ?? .null, path: childPath) { return unknown }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let unknown = firstUnknownMember(of: element, path: path + [IndexKey(intValue: index)]) {
                    return unknown
                }
            }
        default: break
        }
        return nil
    }
}

/// An object member's name as a coding key.
struct NameKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
