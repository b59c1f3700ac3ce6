import CastorCore
import CastorJSON
import CastorModel
import Foundation
import Hummingbird

/// `/api/devices`: phones by MAC (CRUD) and `POST /api/devices/{id}/lines` to bind a line at a position.
///
/// A new device may omit `vendor` (guessed from the model and the MAC's OUI), `plugin` (the vendor in lower
/// case), `state` (`autoprov`) and `lines` (none).
///
/// ```swift
/// DevicesController(store: store, maxBodySize: 1 << 20).addRoutes(to: protectedGroup)
/// ```
struct DevicesController: Sendable {
    let store: any ModelStore
    let maxBodySize: Int

    /// The body of `POST /api/devices/{id}/lines`.
    struct LineBinding: Codable {
        var lineID: Int64
        var position: Int?

        enum CodingKeys: String, CodingKey {
            case position
            case lineID = "line_id"
        }
    }

    func addRoutes(to group: RouterGroup<AdminRequestContext>) {
        let store = self.store
        let maxBodySize = self.maxBodySize
        let routes = ResourceRoutes<Device, Int64>(
            collection: "devices", kind: "device", parseKey: ResourceID.parse, location: { "\($0.id ?? 0)" },
            list: { try store.devices() },
            read: { try store.device(id: $0) },
            create: { try store.createDevice($0) },
            update: { try store.updateDevice(id: $0, with: $1) },
            delete: { try store.deleteDevice(id: $0) },
            maxBodySize: maxBodySize,
            defaults: Self.completeNewDevice
        )
        routes.addRoutes(to: group)
        group.post("devices/{id}/lines") { request, context in
            let deviceID = try routes.key(context)
            let binding = try await RequestBody.decode(LineBinding.self, from: request, limit: maxBodySize)
            return try JSONResponse.make(
                try store.bindLine(lineID: binding.lineID, toDevice: deviceID, position: binding.position))
        }
        // Asks the phone to fetch its configuration again. Recorded on the device until it does; castor pbx
        // reads it (poked by `onChange`) and sends Snom's check-sync NOTIFY. 202: accepted, not yet done.
        group.post("devices/{id}/resync") { _, context in
            let deviceID = try routes.key(context)
            let device = try store.requestResync(deviceID: deviceID, at: Date().formatted(.iso8601))
            return try JSONResponse.make(device, status: .accepted)
        }
    }

    @Sendable static func completeNewDevice(_ body: JSONValue) -> JSONValue {
        var defaults: [String: JSONValue] = ["state": .string("autoprov"), "lines": .array([])]
        var vendor = body[string: "vendor"]
        if vendor == nil, let model = body[string: "model"], let macText = body[string: "mac"],
            let mac = try? MACAddress(parsing: macText)
        {
            vendor = Device.vendor(forModel: model, mac: mac)
            defaults["vendor"] = .string(Device.vendor(forModel: model, mac: mac))
        }
        if let vendor { defaults["plugin"] = .string(vendor.lowercased()) }
        return body.filling(defaults)
    }
}
