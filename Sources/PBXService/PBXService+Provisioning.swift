import CastorModel
import CastorStore
import PBXCore

/// Phones that provision themselves, as `castor pbx` loads them: the autoprov accounts it accepts (one per
/// device in autoprov, made by provd) and the provisioning codes they may dial.
extension PBXService {
    /// The autoprov account of every device without a line, as registrar entries (context
    /// `DialPlan.autoprovContext`). An account whose name a line has taken meanwhile is left out.
    static func autoprovAccounts(store: CastorStore, configuration: RegistrarConfiguration) throws
        -> [RegistrarLine]
    {
        try store.autoprovAccounts().sorted { $0.key < $1.key }.map { deviceID, account in
            RegistrarLine.autoprov(
                deviceID: deviceID, username: account.username, secret: account.secret, configuration: configuration)
        }
    }
}
