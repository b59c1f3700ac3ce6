import CastorCore
import CastorModel
import SIPCodec

extension SIPEndpoint {
    /// The headers of Snom's resync request (also understood by Yealink and others): an unsolicited NOTIFY
    /// (RFC 6665 §4.2.1 without a subscription, as every PBX sends it) whose event says "fetch your settings
    /// again, no reboot".
    static let checkSyncHeaders = ["Event: check-sync;reboot=false", "Subscription-State: terminated"]

    /// Sends a check-sync NOTIFY for each resync request not yet sent one (a request is its device and time:
    /// a new request of the same device gets a new NOTIFY, a request seen again at the next poll does not).
    /// `pending` is every request the store holds: requests no longer there are forgotten. A device with no
    /// registered contact yet is tried again at the next call.
    public mutating func resync(pending: [ResyncRequest], now: MonotonicInstant, into output: inout SIPEndpointOutput) {
        let devices = Set(pending.map(\.deviceID))
        if checkSyncSent.keys.contains(where: { !devices.contains($0) }) {
            checkSyncSent = checkSyncSent.filter { devices.contains($0.key) }
        }
        checkSync(pending, now: now, into: &output)
    }

    /// Replaces the autoprov accounts the registrar accepts (read from the store at each poll: provd makes
    /// one for every phone it serves unassigned), keeping the lines and their bindings.
    public mutating func replaceAutoprovAccounts(_ accounts: [RegistrarLine], into output: inout SIPEndpointOutput) {
        guard let changes = registrar.replaceAutoprovAccounts(accounts) else { return }
        for case .remove(let lineID, let contact) in changes { forget(BindingKey(lineID: lineID, contact: contact)) }
        output.changes += Self.stored(changes)
    }

    /// The NOTIFYs for `requests` (those not sent yet), each in its own non-INVITE client transaction
    /// (retransmitted by Timer E over UDP until a final response or Timer F).
    mutating func checkSync(_ requests: [ResyncRequest], now: MonotonicInstant, into output: inout SIPEndpointOutput) {
        for request in requests where checkSyncSent[request.deviceID] != request.requestedAt {
            let targets = checkSyncTargets(request)
            guard !targets.isEmpty else { continue }
            checkSyncSent[request.deviceID] = request.requestedAt
            for binding in targets {
                let host = CallMessages.hostPart(configuration.advertised(binding.transport))
                guard
                    let branch = sendOutOfDialog(
                        .notify, to: binding, headers: Self.checkSyncHeaders, purpose: .checkSync(mac: request.mac),
                        toURI: "sip:\(binding.username)@\(host)", now: now, into: &output),
                    let destination = clients[branch]?.machine.request.destination
                else { continue }
                counters.checkSyncSent += 1
                output.provisioning.append(
                    .log(.checkSyncSent(mac: request.mac, contact: binding.contact, destination: destination)))
            }
        }
    }

    /// Every registered contact that belongs to the device: the bindings of its lines and of its autoprov
    /// account, and those of any line registered from the address it last fetched a file from (it may still
    /// be registered with its former account). Each contact once.
    func checkSyncTargets(_ request: ResyncRequest) -> [SIPBinding] {
        var found: [SIPBinding] = []
        var seen: Set<BindingKey> = []
        func add(_ binding: SIPBinding) {
            if seen.insert(BindingKey(lineID: binding.lineID, contact: binding.contact)).inserted {
                found.append(binding)
            }
        }
        for lineID in request.lineIDs + [-request.deviceID] {
            registrar.bindings(lineID: lineID).forEach(add)
        }
        if let address = request.lastSeenIP, !address.isEmpty {
            registrar.bindings(fromAddress: address).forEach(add)
        }
        return found
    }
}
