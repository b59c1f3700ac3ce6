import CastorJSON
import CastorModel
import Hummingbird

/// `/api/lines`: SIP lines (CRUD). Creating a line with `exten` also creates its `user` extension.
///
/// ```swift
/// LinesController(store: store, maxBodySize: 1 << 20).addRoutes(to: protectedGroup)
/// ```
struct LinesController: Sendable {
    let store: any ModelStore
    let maxBodySize: Int

    func addRoutes(to group: RouterGroup<AdminRequestContext>) {
        let store = self.store
        ResourceRoutes<Line, Int64>(
            collection: "lines", kind: "line", parseKey: ResourceID.parse, location: { "\($0.id ?? 0)" },
            list: { try store.lines() },
            read: { try store.line(id: $0) },
            create: { try store.createLine($0) },
            update: { try store.updateLine(id: $0, with: $1) },
            delete: { try store.deleteLine(id: $0) },
            maxBodySize: maxBodySize,
            defaults: {
                $0.filling([
                    "codecs": .array([.string("ulaw"), .string("alaw")]), "transport": .string("udp"),
                    "max_contacts": .number("3"),
                ])
            }
        ).addRoutes(to: group)
    }
}
