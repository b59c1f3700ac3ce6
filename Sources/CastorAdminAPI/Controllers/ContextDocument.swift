import CastorModel

/// A context as the API spells it: snake_case members (`display_name`), as the rest of the API and the
/// field names in `CastorError` do.
///
/// `CastorModel.Context` has no `CodingKeys`, so its synthesized coding would say `displayName`; this wire
/// form pins the API's spelling whatever the model's coding does.
struct ContextDocument: Codable, Equatable, Sendable {
    var id: Int64?
    var entity: String
    var name: String
    var displayName: String
    var type: Context.Kind
    var ranges: [NumberRange]
    var includes: [String]

    enum CodingKeys: String, CodingKey {
        case id, entity, name, type, ranges, includes
        case displayName = "display_name"
    }

    init(_ context: Context) {
        id = context.id
        entity = context.entity
        name = context.name
        displayName = context.displayName
        type = context.type
        ranges = context.ranges
        includes = context.includes
    }

    /// Optional members default as `Context.init` does (entity `lab`, type `internal`, no ranges or includes).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(Int64.self, forKey: .id)
        entity = try container.decodeIfPresent(String.self, forKey: .entity) ?? "lab"
        name = try container.decode(String.self, forKey: .name)
        displayName = try container.decode(String.self, forKey: .displayName)
        type = try container.decodeIfPresent(Context.Kind.self, forKey: .type) ?? .internal
        ranges = try container.decodeIfPresent([NumberRange].self, forKey: .ranges) ?? []
        includes = try container.decodeIfPresent([String].self, forKey: .includes) ?? []
    }

    var model: Context {
        Context(
            id: id, entity: entity, name: name, displayName: displayName, type: type, ranges: ranges,
            includes: includes)
    }
}
