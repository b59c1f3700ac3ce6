import CastorJSON
import Hummingbird

/// The five routes every resource of the model has, written once:
///
/// | route | answer |
/// |---|---|
/// | `GET /api/{collection}` | 200 `{"items": […], "total": n}` |
/// | `POST /api/{collection}` | 201 + `Location`, the created resource |
/// | `GET /api/{collection}/{key}` | 200 the resource |
/// | `PUT /api/{collection}/{key}` | 200 — a partial update: the body's members over the current resource |
/// | `DELETE /api/{collection}/{key}` | 204 |
///
/// ```swift
/// ResourceRoutes<User, Int64>(
///     collection: "users", kind: "user", parseKey: { Int64($0) }, location: { "\($0.id ?? 0)" },
///     list: { try store.users() }, read: { try store.user(id: $0) }, create: { try store.createUser($0) },
///     update: { try store.updateUser(id: $0, with: $1) }, delete: { try store.deleteUser(id: $0) },
///     maxBodySize: options.maxBodySize
/// ).addRoutes(to: group)
/// ```
struct ResourceRoutes<Resource: Codable & Sendable, Key: Sendable>: Sendable {
    /// The path segment under `/api` (`users`).
    var collection: String
    /// The resource's name in messages (`user "abc" not found`).
    var kind: String
    /// The path parameter's name (`id`, or `name` for contexts).
    var keyName: String = "id"
    var parseKey: @Sendable (String) -> Key?
    /// The key of a resource as it appears in its URL, for `Location`.
    var location: @Sendable (Resource) -> String
    var list: @Sendable () throws -> [Resource]
    var read: @Sendable (Key) throws -> Resource
    var create: @Sendable (Resource) throws -> Resource
    var update: @Sendable (Key, Resource) throws -> Resource
    var delete: @Sendable (Key) throws -> Void
    var maxBodySize: Int
    /// Fills the members a new resource may omit (the model initialisers' defaults) before decoding.
    var defaults: @Sendable (JSONValue) -> JSONValue = { $0 }

    var itemPath: RouterPath { RouterPath("\(collection)/{\(keyName)}") }

    func addRoutes(to group: RouterGroup<AdminRequestContext>) {
        group.get(RouterPath(collection)) { _, _ in try JSONResponse.make(ItemList(try list())) }
        group.post(RouterPath(collection)) { request, _ in
            let body = try await RequestBody.object(from: request, limit: maxBodySize)
            let resource = try RequestBody.decode(Resource.self, from: defaults(body))
            let created = try create(resource)
            return try JSONResponse.make(
                created, status: .created, location: "/api/\(collection)/\(location(created))")
        }
        group.get(itemPath) { _, context in try JSONResponse.make(try read(key(context))) }
        group.put(itemPath) { request, context in
            let key = try key(context)
            let patch = try await RequestBody.object(from: request, limit: maxBodySize)
            let current = try JSONResponse.value(of: try read(key))
            let merged = try RequestBody.decode(Resource.self, from: current.merging(patch))
            return try JSONResponse.make(try update(key, merged))
        }
        group.delete(itemPath) { _, context in
            try delete(key(context))
            return JSONResponse.noContent()
        }
    }

    /// The key in the URL; one that cannot be a key (`/api/users/abc`) is a resource that does not exist.
    func key(_ context: AdminRequestContext) throws -> Key {
        let text = context.parameters.get(keyName) ?? ""
        guard let key = parseKey(text) else { throw APIError(.notFound, "\(kind) \"\(text)\" not found") }
        return key
    }
}

/// Numeric resource ids as they appear in URLs: positive integers only.
enum ResourceID {
    @Sendable static func parse(_ text: String) -> Int64? {
        guard let id = Int64(text), id > 0 else { return nil }
        return id
    }
}
