import CastorCore
import CastorModel
import SIPCodec

/// An INVITE that dialled a right provisioning code, held (its transaction kept alive, 100 Trying sent)
/// while the service binds the device in the store.
struct HeldProvisioningCode: Sendable {
    var key: SIPTransactionKey
    var request: SIPRequest
    var toTag: String
    var account: String
    var deviceID: Int64
    var lineID: Int64
}

extension SIPEndpoint {
    /// The status a phone gets when its code bound it to a line. Not a 2xx: a 2xx to an INVITE makes a
    /// dialog, which the PBX would have to answer with SDP (every stream rejected), retransmit until the ACK
    /// and end with a BYE of its own — a UAS and a UAC the B2BUA does not have outside a `Call` with two legs.
    /// Nothing is gained for the phone: the check-sync NOTIFY that follows makes it fetch its new file (and
    /// a Snom reboots on the changed settings). 480 with a reason phrase that says what happened ends the call
    /// attempt at once, on every phone, without a dialog.
    public static let provisionedStatus = (code: 480, reason: "Provisioned, Resyncing")

    /// A call from an autoprov account: the autoprov context's dial plan decides (`DialPlan+Autoprov.swift`).
    /// A right code holds the INVITE and asks the service to bind the device (`.bind`); a wrong one gets 404
    /// and counts against the account (after `provisioningCodeAttempts` in a minute, every code gets 403);
    /// anything else gets 403. No media, no CDR: it is not a call.
    mutating func provisioningCall(
        _ request: SIPRequest, transaction: ServerTransaction, caller: RegistrarLine, source: SIPSource,
        now: MonotonicInstant, toTag: String, into output: inout SIPEndpointOutput
    ) -> SIPResponse? {
        let dialled = request.uri.decodedUser ?? ""
        let wrong = wrongCodes.failures(source: caller.username, now: now)
        func refuse(_ status: Int, _ reason: String, wrongCodes: Int) -> SIPResponse {
            counters.provisioningCodesRefused += 1
            output.provisioning.append(
                .log(.codeRefused(account: caller.username, dialled: dialled, status: status, wrongCodes: wrongCodes)))
            return SIPResponse(answering: request, statusCode: status, reasonPhrase: reason, toTag: toTag)
        }
        guard let deviceID = caller.autoprovDevice else { return refuse(403, "Forbidden", wrongCodes: wrong) }
        if wrong >= configuration.provisioningCodeAttempts, DialPlan.isProvisioningCode(dialled) {
            return refuse(403, "Too Many Wrong Codes", wrongCodes: wrong)
        }
        switch dialPlan.route(dialled, from: DialPlan.autoprovContext) {
        case .provisioningCode(let lineID):
            codeSequence += 1
            heldCodes[codeSequence] = HeldProvisioningCode(
                key: transaction.key, request: request, toTag: toTag, account: caller.username, deviceID: deviceID,
                lineID: lineID)
            // Kept beyond its time in the table until answered, as a ringing call's INVITE is.
            inviteServers[transaction.key] = transaction
            output.provisioning.append(
                .bind(
                    ProvisioningCodeRequest(
                        id: codeSequence, deviceID: deviceID, lineID: lineID, account: caller.username,
                        source: source)))
            return nil
        case .unknownProvisioningCode:
            let count = wrongCodes.recordFailure(source: caller.username, now: now)
            registrar.failuresBySource.recordFailure(source: source.address, now: now)
            return refuse(404, "Not Found", wrongCodes: count)
        default:
            return refuse(403, "Only Provisioning Codes", wrongCodes: wrong)
        }
    }

    /// The store's answer to a ``ProvisioningCodeRequest``: the held INVITE gets its final response; when the
    /// device is bound, it is sent its check-sync NOTIFY at once (to the autoprov account's contact, still
    /// registered, and to its new line's and its address's), the device that lost the line too, and only then
    /// is the autoprov account retired (its binding dropped: it stops working).
    public mutating func provisioned(
        _ id: UInt64, result: ProvisioningCodeResult, now: MonotonicInstant, into output: inout SIPEndpointOutput
    ) {
        guard let held = heldCodes.removeValue(forKey: id) else { return }
        let status: (code: Int, reason: String)
        switch result {
        case .bound:
            status = Self.provisionedStatus
        case .refused(let code, let reason):
            status = (code, reason)
        }
        var response = SIPResponse(
            answering: held.request, statusCode: status.code, reasonPhrase: status.reason, toTag: held.toTag)
        response.headers.append(.server, configuration.product)
        respond(key: held.key, with: response, now: now, into: &output)
        guard case .bound(let request, let previous) = result else {
            counters.provisioningCodesRefused += 1
            output.provisioning.append(
                .log(.codeRefused(account: held.account, dialled: "", status: status.code, wrongCodes: 0)))
            return
        }
        wrongCodes.recordSuccess(source: held.account)
        counters.provisioningCodesAccepted += 1
        output.provisioning.append(
            .log(
                .codeAccepted(
                    account: held.account, lineID: held.lineID, deviceID: held.deviceID, status: status.code)))
        checkSync([request] + (previous.map { [$0] } ?? []), now: now, into: &output)
        let changes = registrar.retireAutoprovAccount(deviceID: held.deviceID)
        for case .remove(let lineID, let contact) in changes { forget(BindingKey(lineID: lineID, contact: contact)) }
    }
}
