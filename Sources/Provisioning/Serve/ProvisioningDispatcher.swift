import CastorCore

/// The decisions of the provisioning server for one request, in order, with the store and the policies as
/// inputs: identify the device, find the file its plugin serves, look the device up, render — or refuse.
///
/// ```swift
/// let dispatch = dispatcher.dispatch(request,
///     known: { mac in try store.provisioning(mac: mac).map(DeviceProfile.init) },
///     unknown: { mac in limiter.admit(source: ip, mac: mac, now: now) ? .serve : .limit })
/// switch dispatch.answer { case .file(let file): … case .refused(let refusal): … }
/// ```
///
/// - A file no plugin serves is 404.
/// - A per-device file is rendered only with that device's own profile. A request whose MACs disagree (the
///   User-Agent says one phone, the file name another) is refused: a phone asking for another's file.
/// - A MAC the store does not know is served autoprov (nobody's credentials) when `unknown` says so, 404
///   when autoprov is off, 429 beyond the enumeration limit. `unknown` is asked once per request that names
///   an unknown MAC, even for a common file, so enumeration through any file name is counted.
public struct ProvisioningDispatcher: Sendable {
    /// What to do with a MAC the store does not know.
    public enum UnknownDevice: Sendable, Equatable {
        /// Serve it autoprov (and the caller records it as unassigned).
        case serve
        /// Autoprov is off: as if the file did not exist.
        case notFound
        /// Over the enumeration limit.
        case limit
    }

    /// The result: what the request said, the device as found, and the answer.
    public struct Dispatch: Sendable, Equatable {
        public var identity: RequestIdentity
        /// The device's profile from the store, nil when the request named no MAC or an unknown one.
        public var known: DeviceProfile?
        /// Whether the request named a MAC the store does not know and it was let through (to record it).
        public var admittedUnknown: Bool
        /// The file, when a plugin serves the name.
        public var file: ProvisioningFile?
        public var answer: ProvisioningAnswer
    }

    public let renderer: ProvisioningRenderer

    public init(renderer: ProvisioningRenderer) {
        self.renderer = renderer
    }

    public func dispatch(
        _ request: ProvisioningRequest, known lookup: (MACAddress) throws -> DeviceProfile?,
        unknown: (MACAddress) -> UnknownDevice
    ) -> Dispatch {
        let identity = renderer.identify(request)
        var result = Dispatch(
            identity: identity, known: nil, admittedUnknown: false, file: nil,
            answer: .refused(.notFound(reason: "no plugin serves \(identity.fileName)")))
        if let mac = identity.mac {
            do {
                result.known = try lookup(mac)
            } catch {
                result.answer = .refused(.failed(reason: "device lookup for \(mac): \(error)"))
                return result
            }
            if result.known == nil {
                switch unknown(mac) {
                case .serve: result.admittedUnknown = true
                case .notFound:
                    result.answer = .refused(.notFound(reason: "unknown device \(mac) and autoprov is off"))
                    return result
                case .limit:
                    result.answer = .refused(.tooManyRequests(reason: "too many unknown MACs from this address"))
                    return result
                }
            }
        }
        let pluginName = result.known?.device.plugin ?? identity.plugin
        guard let file = renderer.file(named: identity.fileName, plugin: pluginName) else { return result }
        result.file = file
        result.answer = answer(file, identity: identity, known: result.known)
        return result
    }

    private func answer(_ file: ProvisioningFile, identity: RequestIdentity, known: DeviceProfile?)
        -> ProvisioningAnswer
    {
        do {
            guard let mac = file.mac else { return .file(try renderer.renderCommon(file)) }
            if let other = identity.conflictingMAC {
                return .refused(
                    .forbidden(reason: "\(file.name) asked for \(identity.mac.map(\.description) ?? "?") by \(other)"))
            }
            let profile =
                known
                ?? .autoprov(
                    mac: mac, vendor: identity.vendor ?? "", model: identity.model ?? file.model ?? "",
                    plugin: file.plugin)
            return .file(try renderer.render(file, for: profile))
        } catch {
            switch error {
            case .notServed, .noFirmware, .unknownPlugin: return .refused(.notFound(reason: error.description))
            case .wrongDevice, .needsDeviceProfile, .lineNotOnDevice:
                return .refused(.forbidden(reason: error.description))
            case .templateNotFound, .templateUnreadable, .templateSyntax, .unsafeTemplatePath:
                return .refused(.failed(reason: error.description))
            }
        }
    }
}
