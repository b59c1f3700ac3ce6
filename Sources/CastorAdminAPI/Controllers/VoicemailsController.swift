import CastorModel
import Hummingbird

/// `/api/voicemails`: voicemail boxes (CRUD).
///
/// ```swift
/// VoicemailsController(store: store, maxBodySize: 1 << 20).addRoutes(to: protectedGroup)
/// ```
struct VoicemailsController: Sendable {
    let store: any ModelStore
    let maxBodySize: Int

    func addRoutes(to group: RouterGroup<AdminRequestContext>) {
        let store = self.store
        ResourceRoutes<VoicemailBox, Int64>(
            collection: "voicemails", kind: "voicemail box", parseKey: ResourceID.parse,
            location: { "\($0.id ?? 0)" },
            list: { try store.voicemailBoxes() },
            read: { try store.voicemailBox(id: $0) },
            create: { try store.createVoicemailBox($0) },
            update: { try store.updateVoicemailBox(id: $0, with: $1) },
            delete: { try store.deleteVoicemailBox(id: $0) },
            maxBodySize: maxBodySize
        ).addRoutes(to: group)
    }
}
