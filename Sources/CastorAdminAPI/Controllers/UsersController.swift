import CastorJSON
import CastorModel
import Hummingbird

/// `/api/users`: the directory (CRUD) and `GET /api/users/summary`, one row per user with their first line.
///
/// ```swift
/// UsersController(store: store, maxBodySize: 1 << 20).addRoutes(to: protectedGroup)
/// ```
struct UsersController: Sendable {
    let store: any ModelStore
    let maxBodySize: Int

    func addRoutes(to group: RouterGroup<AdminRequestContext>) {
        let store = self.store
        // Registered before `users/{id}` for readability; the router prefers the constant segment anyway.
        group.get("users/summary") { _, _ in try JSONResponse.make(ItemList(try store.userSummaries())) }
        ResourceRoutes<User, Int64>(
            collection: "users", kind: "user", parseKey: ResourceID.parse, location: { "\($0.id ?? 0)" },
            list: { try store.users() },
            read: { try store.user(id: $0) },
            create: { try store.createUser($0) },
            update: { try store.updateUser(id: $0, with: $1) },
            delete: { try store.deleteUser(id: $0) },
            maxBodySize: maxBodySize,
            defaults: { $0.filling(["language": .string("fr_FR")]) }
        ).addRoutes(to: group)
    }
}
