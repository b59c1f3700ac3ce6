import Hummingbird
import NIOCore

/// The request context of the provisioning HTTP server: Hummingbird's storage plus the peer's address,
/// which the allow list and the logs need.
public struct ProvisioningRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IPv4 or IPv6 address, nil when unknown (router tests).
    public let remoteIP: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteIP = source.channel.remoteAddress?.ipAddress
    }
}
