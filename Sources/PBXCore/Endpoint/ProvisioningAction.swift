import CastorModel

/// What the endpoint asks of the service for phones that provision themselves, or tells its log.
public enum ProvisioningAction: Sendable, Equatable {
    /// An autoprov account dialled a line's provisioning code: bind its device to the line in the store (off
    /// the event loop), then hand the result to ``SIPEndpoint/provisioned(_:result:now:into:)``, which answers
    /// the INVITE held meanwhile.
    case bind(ProvisioningCodeRequest)
    case log(ProvisioningEvent)
}

/// A right provisioning code, waiting for the store: which device (known exactly from the calling account,
/// not guessed from an address) and which line.
public struct ProvisioningCodeRequest: Sendable, Equatable {
    /// The endpoint's id for the INVITE it holds.
    public var id: UInt64
    public var deviceID: Int64
    public var lineID: Int64
    /// The autoprov account that dialled.
    public var account: String
    public var source: SIPSource
}

/// What the store did with a ``ProvisioningCodeRequest``.
public enum ProvisioningCodeResult: Sendable, Equatable {
    /// Bound: the device's resync request (and that of the device that lost the line, if any).
    case bound(ResyncRequest, previous: ResyncRequest?)
    /// Refused (the device has a line already, the line is gone, the store failed): the status to answer.
    case refused(status: Int, reason: String)
}

/// Provisioning codes and check-sync NOTIFYs, for the log.
public enum ProvisioningEvent: Sendable, Equatable {
    case codeAccepted(account: String, lineID: Int64, deviceID: Int64, status: Int)
    /// A wrong code (404), a number that is no code (403), or any code while locked out (403).
    case codeRefused(account: String, dialled: String, status: Int, wrongCodes: Int)
    case checkSyncSent(mac: String, contact: String, destination: SIPDestination)
    case checkSyncAnswered(mac: String, contact: String, status: Int)
    /// No final response before Timer F (or the transport failed).
    case checkSyncFailed(mac: String, contact: String)
}
