import CastorModel
import CastorStore
import Dispatch
import Foundation
import NIOCore
import PBXCore

/// Phones that provision themselves, on the driver: a right provisioning code is written to the store off the
/// event loop, and resync requests are read from the store (at start, on reload, on the control socket's
/// `resync`, and every `resyncPollInterval` as a fallback) to send Snom's check-sync NOTIFY once per request.
extension PBXDriver {
    /// The store work of provisioning runs here, never on the event loop (a write may wait for SQLite's lock).
    static let provisioningQueue = DispatchQueue(label: "castor.pbx.provisioning")

    /// How often the store is read for resync requests and autoprov accounts when nothing pokes the PBX.
    static let resyncPollInterval: TimeAmount = .seconds(3)

    /// Reads the store now and then every `resyncPollInterval`.
    func startResyncPolling() {
        _ = eventLoop.scheduleRepeatedTask(initialDelay: .zero, delay: Self.resyncPollInterval) { [self] _ in
            pollResync()
        }
    }

    /// What the endpoint asked for phones provisioning themselves (called from `finish`).
    func provisioning(_ actions: [ProvisioningAction]) {
        for action in actions {
            switch action {
            case .log(let event): log(event)
            case .bind(let request): bind(request)
            }
        }
    }

    /// Reads the pending resync requests and the autoprov accounts, then on the loop sends the NOTIFYs not
    /// sent yet and updates the accounts the registrar accepts. `completion` runs on the loop after.
    func pollResync(completion: (@Sendable () -> Void)? = nil) {
        let store = self.store
        let configuration = endpoint.registrar.configuration
        Self.provisioningQueue.async { [self] in
            do {
                let pending = try store.pendingResyncs()
                let accounts = try PBXService.autoprovAccounts(store: store, configuration: configuration)
                eventLoop.execute { [self] in
                    var output = SIPEndpointOutput()
                    endpoint.replaceAutoprovAccounts(accounts, into: &output)
                    endpoint.resync(pending: pending, now: now, into: &output)
                    if !output.isEmpty { finish(output) }
                    completion?()
                }
            } catch {
                logger.warning("pbx: cannot read resync requests", metadata: ["error": "\(error)"])
                eventLoop.execute { completion?() }
            }
        }
    }

    /// `pollResync`, awaited (the control socket's `resync`, a reload).
    func pollResync() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            pollResync { continuation.resume() }
        }
    }

    /// Binds the device to the line whose code its autoprov account dialled, then hands the result to the
    /// endpoint, which answers the held INVITE and sends the check-sync NOTIFY.
    func bind(_ request: ProvisioningCodeRequest) {
        let store = self.store
        let time = Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        Self.provisioningQueue.async { [self] in
            let result: ProvisioningCodeResult
            do throws(CastorError) {
                let bound = try store.bindByProvisioningCode(
                    deviceID: request.deviceID, lineID: request.lineID, at: time)
                result = .bound(bound.device, previous: bound.previousDevice)
                logger.notice(
                    "pbx: phone bound to a line by its provisioning code",
                    metadata: [
                        "dev.mac": "\(bound.device.mac)", "sip.line": "\(bound.line)",
                        "sip.account": "\(request.account)", "sip.source": "\(request.source)",
                        "dev.previous_mac": "\(bound.previousDevice?.mac ?? "-")",
                    ])
            } catch {
                switch error {
                case .conflict: result = .refused(status: 403, reason: "Phone Already Provisioned")
                case .notFound: result = .refused(status: 404, reason: "Not Found")
                case .invalid: result = .refused(status: 500, reason: "Server Internal Error")
                }
                logger.error(
                    "pbx: provisioning code not applied",
                    metadata: ["sip.account": "\(request.account)", "error": "\(error)"])
            }
            eventLoop.execute { [self] in
                var output = SIPEndpointOutput()
                endpoint.provisioned(request.id, result: result, now: now, into: &output)
                finish(output)
            }
        }
    }

    func log(_ event: ProvisioningEvent) {
        switch event {
        case .codeAccepted(let account, let lineID, let deviceID, let status):
            logger.info(
                "pbx: provisioning code accepted",
                metadata: [
                    "sip.account": "\(account)", "sip.line_id": "\(lineID)", "dev.id": "\(deviceID)",
                    "sip.status": "\(status)",
                ])
        case .codeRefused(let account, let dialled, let status, let wrongCodes):
            logger.notice(
                "pbx: provisioning code refused",
                metadata: [
                    "sip.account": "\(account)", "sip.dialled": "\(dialled)", "sip.status": "\(status)",
                    "sip.wrong_codes": "\(wrongCodes)",
                ])
        case .checkSyncSent(let mac, let contact, let destination):
            logger.info(
                "pbx: check-sync NOTIFY sent",
                metadata: ["dev.mac": "\(mac)", "sip.contact": "\(contact)", "sip.destination": "\(destination)"])
        case .checkSyncAnswered(let mac, let contact, let status):
            logger.info(
                "pbx: check-sync NOTIFY answered",
                metadata: ["dev.mac": "\(mac)", "sip.contact": "\(contact)", "sip.status": "\(status)"])
        case .checkSyncFailed(let mac, let contact):
            logger.warning(
                "pbx: check-sync NOTIFY not answered", metadata: ["dev.mac": "\(mac)", "sip.contact": "\(contact)"])
        }
    }
}
