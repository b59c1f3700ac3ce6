import CastorJSON
import CastorModel
import Hummingbird

/// `/api/extensions`: numbers in contexts (CRUD). The store refuses a number outside the context's ranges of
/// its kind (400 on `exten`) and a number already used in the context (409 on `exten`).
///
/// ```swift
/// ExtensionsController(store: store, maxBodySize: 1 << 20).addRoutes(to: protectedGroup)
/// ```
struct ExtensionsController: Sendable {
    let store: any ModelStore
    let maxBodySize: Int

    func addRoutes(to group: RouterGroup<AdminRequestContext>) {
        let store = self.store
        ResourceRoutes<Extension, Int64>(
            collection: "extensions", kind: "extension", parseKey: ResourceID.parse,
            location: { "\($0.id ?? 0)" },
            list: { try store.extensions() },
            read: { try store.extension(id: $0) },
            create: { try store.createExtension($0) },
            update: { try store.updateExtension(id: $0, with: $1) },
            delete: { try store.deleteExtension(id: $0) },
            maxBodySize: maxBodySize,
            defaults: { $0.filling(["kind": .string("user")]) }
        ).addRoutes(to: group)
    }
}
