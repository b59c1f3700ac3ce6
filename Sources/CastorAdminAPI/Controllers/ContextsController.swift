import CastorModel
import Hummingbird

/// `/api/contexts`: dial-plan contexts by name (CRUD) and `POST /api/contexts/{name}/includes`
/// `{"context": "other"}` to let a context call into another.
///
/// ```swift
/// ContextsController(store: store, maxBodySize: 1 << 20).addRoutes(to: protectedGroup)
/// ```
struct ContextsController: Sendable {
    let store: any ModelStore
    let maxBodySize: Int

    /// The body of `POST /api/contexts/{name}/includes`.
    struct Inclusion: Codable {
        var context: String
    }

    func addRoutes(to group: RouterGroup<AdminRequestContext>) {
        let store = self.store
        let maxBodySize = self.maxBodySize
        let routes = ResourceRoutes<ContextDocument, String>(
            collection: "contexts", kind: "context", keyName: "name", parseKey: { $0.isEmpty ? nil : $0 },
            location: { $0.name },
            list: { try store.contexts().map(ContextDocument.init) },
            read: { ContextDocument(try store.context(named: $0)) },
            create: { ContextDocument(try store.createContext($0.model)) },
            update: { ContextDocument(try store.updateContext(named: $0, with: $1.model)) },
            delete: { try store.deleteContext(named: $0) },
            maxBodySize: maxBodySize
        )
        routes.addRoutes(to: group)
        group.post("contexts/{name}/includes") { request, context in
            let name = try routes.key(context)
            let inclusion = try await RequestBody.decode(Inclusion.self, from: request, limit: maxBodySize)
            return try JSONResponse.make(ContextDocument(try store.include(inclusion.context, in: name)))
        }
    }
}
