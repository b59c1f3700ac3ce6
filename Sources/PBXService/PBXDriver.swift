import CastorCore
import CastorModel
import CastorStore
import Foundation
import Logging
import MediaRelay
import NIOCore
import PBXCore
import SIPTransport

/// The PBX on its event loop: the transport's batches go through the `SIPEndpoint`, the binding changes of
/// the batch are appended to the journal with one write, and only then are the batch's messages sent, so no
/// 200 OK leaves before its binding is in a file (an acknowledged registration survives `kill -9`); the
/// store follows on the writer's thread. Everything here runs on the one event loop of the transport: no
/// locks, no hops per message.
final class PBXDriver: SIPTransportDelegate, @unchecked Sendable {
    let eventLoop: any EventLoop
    let store: CastorStore
    let logger: Logger
    /// Shared with the media relay, so its packet times and the endpoint's timers have one origin.
    let clock: SystemMonotonicClock
    var endpoint: SIPEndpoint
    var transport: SIPTransport?
    /// Connection ids as the endpoint sees them (UInt64) and as the transport knows them.
    var connections: [UInt64: SIPConnectionID] = [:]
    var storeFailures = 0
    var cdrFailures = 0
    /// Where binding changes are written before their 200s leave (set once at start).
    var journal: BindingJournal?
    /// Brings the store up to date off the loop (set once at start).
    var writer: BindingWriter?
    var lastTick: MonotonicInstant?
    /// The RTP relay (its threads are stopped with the PBX).
    var relay: MediaRelay?
    var loopStalls = 0

    init(
        endpoint: SIPEndpoint, store: CastorStore, eventLoop: any EventLoop, logger: Logger,
        clock: SystemMonotonicClock
    ) {
        self.clock = clock
        self.endpoint = endpoint
        self.store = store
        self.eventLoop = eventLoop
        self.logger = logger
    }

    var now: MonotonicInstant { clock.now }
    var wallClock: Double { Date().timeIntervalSince1970 }

    // MARK: SIPTransportDelegate

    func transport(_ transport: SIPTransport, received batch: [SIPInboundMessage]) {
        var output = SIPEndpointOutput()
        let now = self.now
        let wallClock = self.wallClock
        endpoint.beginBatch(budget: endpoint.configuration.batchBudget)
        for message in batch {
            var source = SIPSource(
                transport: message.peer.transport.rawValue, address: message.peer.address, port: message.peer.port)
            if let connection = message.peer.connection {
                source.connection = connection.rawValue
                connections[connection.rawValue] = connection
            }
            endpoint.receive(
                message.bytes, from: source, local: message.local.address, now: now, wallClock: wallClock,
                into: &output)
        }
        finish(output)
    }

    func transport(_ transport: SIPTransport, connectionClosed connection: SIPConnectionID) {
        connections[connection.rawValue] = nil
    }

    // MARK: Timers

    /// Runs the endpoint's due timers; called every few milliseconds by a repeated task on the loop.
    func tick() {
        var output = SIPEndpointOutput()
        let now = self.now
        // The tick is due every 10 ms: a much later one means something held the loop (logged, counted).
        if let last = lastTick, now - last > .milliseconds(100) {
            loopStalls += 1
            logger.warning("pbx: event loop held", metadata: ["pbx.stall_ms": "\(Int((now - last).seconds * 1000))"])
        }
        lastTick = now
        endpoint.advance(to: now, wallClock: wallClock, into: &output)
        if !output.isEmpty { finish(output) }
    }

    // MARK: Output

    /// Sends the batch's messages. Those that acknowledge binding changes (`afterCommit`) leave only once the
    /// changes are in the journal; when the journal cannot be written (disk full), they are not sent (the
    /// phone retransmits; no 200 OK for a binding that is not on disk). The store is updated behind.
    func finish(_ output: SIPEndpointOutput) {
        for event in output.events { log(event) }
        if !output.provisioning.isEmpty { provisioning(output.provisioning) }
        var journalBatch: UInt64 = 0
        var journaled = true
        if !output.changes.isEmpty, let journal {
            do {
                journalBatch = try journal.append(output.changes)
            } catch {
                journaled = false
                storeFailures += 1
                logger.error(
                    "pbx: cannot write the bindings journal; answers withheld", metadata: ["error": "\(error)"])
            }
        }
        if journaled {
            send(output.messages)
        } else {
            send(output.messages.filter { !$0.afterCommit })
        }
        guard journaled, !output.changes.isEmpty || !output.records.isEmpty else { return }
        writer?.submit(
            BindingWriter.Batch(changes: output.changes, journalBatch: journalBatch, records: output.records))
    }

    /// On the loop: the store holds every journal batch up to `through` (nil: no binding change in the
    /// group, or the store refused it).
    func stored(through: UInt64?, error: (any Error)?, recordError: (any Error)? = nil) {
        if let recordError {
            cdrFailures += 1
            logger.error("pbx: cannot store call records", metadata: ["error": "\(recordError)"])
        }
        if let error {
            storeFailures += 1
            logger.error(
                "pbx: cannot store bindings (the journal keeps them)", metadata: ["error": "\(error)"])
        }
        if let through { journal?.stored(through: through) }
    }

    func send(_ messages: [SIPOutbound]) {
        guard let transport, !messages.isEmpty else { return }
        transport.send(
            messages.map { message in
                let destination = message.destination
                let peer = SIPPeer(
                    transport: SIPTransportProtocol(rawValue: destination.transport) ?? .udp,
                    address: destination.address, port: destination.port,
                    connection: destination.connection.flatMap { connections[$0] })
                return (message.bytes, peer)
            })
    }

    func log(_ event: SIPEndpointEvent) {
        switch event {
        case .malformed(let source, let reason):
            logger.debug(
                "pbx: malformed SIP message dropped", metadata: ["sip.source": "\(source)", "reason": "\(reason)"])
        case .registrar(let outcome, let source):
            switch outcome {
            case .registered(let username, let contacts, let added, let removed) where added > 0 || removed > 0:
                logger.info(
                    "pbx: registration",
                    metadata: [
                        "sip.line": "\(username)", "sip.source": "\(source)", "sip.contacts": "\(contacts)",
                        "sip.added": "\(added)", "sip.removed": "\(removed)",
                    ])
            case .authenticationFailed(let username, let failures, let forbidden) where forbidden:
                logger.notice(
                    "pbx: authentication failed, answered 403",
                    metadata: ["sip.line": "\(username)", "sip.source": "\(source)", "sip.failures": "\(failures)"])
            default:
                break
            }
        case .qualified:
            break
        case .call(let event):
            switch event {
            case .started(let caller, let callee, let forks):
                logger.info(
                    "pbx: call",
                    metadata: ["sip.caller": "\(caller)", "sip.callee": "\(callee)", "sip.forks": "\(forks)"])
            case .refused(let caller, let dialled, let status):
                logger.info(
                    "pbx: call refused",
                    metadata: ["sip.caller": "\(caller)", "sip.dialled": "\(dialled)", "sip.status": "\(status)"])
            case .answered(let caller, let callee):
                logger.info("pbx: call answered", metadata: ["sip.caller": "\(caller)", "sip.callee": "\(callee)"])
            case .ended(let caller, let callee, let by):
                logger.info(
                    "pbx: call ended",
                    metadata: ["sip.caller": "\(caller)", "sip.callee": "\(callee)", "sip.by": "\(by)"])
            }
        }
    }

    // MARK: Console

    func peers() -> [PBXPeer] {
        let wallClock = self.wallClock
        return endpoint.registrar.allLines.map { line in
            let contacts = endpoint.registrar.bindings(lineID: line.lineID).map { binding in
                let reachability = endpoint.reachability(lineID: line.lineID, contact: binding.contact)
                return PBXContact(
                    contact: binding.contact,
                    source: "\(binding.transport):\(binding.sourceAddress):\(binding.sourcePort)",
                    userAgent: binding.userAgent, state: reachability.state.rawValue,
                    rttMilliseconds: reachability.roundTrip.map { $0.seconds * 1000 },
                    expiresIn: max(0, Int(binding.expiresAt - wallClock)))
            }
            return PBXPeer(username: line.username, context: line.context, contacts: contacts)
        }
    }

    func calls() -> [PBXCall] {
        // One snapshot of the relay for every call (a round trip per call would hold the loop).
        let all = endpoint.mediaControl?.allStatistics() ?? [:]
        return endpoint.callSnapshots(now: now).map { call in
            let statistics = all[call.mediaID] ?? CallMediaStatistics()
            func leg(
                _ side: CallMediaStatistics.Leg, line: String, number: String, context: String, codec: String?,
                port: Int, remote: String?, onHold: Bool
            ) -> PBXCall.Leg {
                PBXCall.Leg(
                    line: line, number: number, context: context, codec: codec, relayPort: port,
                    remote: side.latched ?? remote, onHold: onHold, packetsReceived: side.packetsReceived,
                    packetsSent: side.packetsSent, lost: side.lost, jitterMilliseconds: side.jitterMilliseconds)
            }
            return PBXCall(
                id: Int(call.id), state: call.state, seconds: call.age, answeredSeconds: call.answeredFor,
                caller: leg(
                    statistics.a, line: call.callerLine, number: call.caller, context: call.callerContext,
                    codec: call.callerCodec, port: call.callerRelayPort, remote: call.callerRemote,
                    onHold: call.callerOnHold),
                callee: leg(
                    statistics.b, line: call.calleeLine, number: call.callee, context: call.calleeContext,
                    codec: call.calleeCodec, port: call.calleeRelayPort, remote: call.calleeRemote,
                    onHold: call.calleeOnHold))
        }
    }

    func stats() -> [String: Double] {
        var values = endpoint.counters.all.mapValues(Double.init)
        values["bindings"] = Double(endpoint.registrar.allBindings.count)
        values["store_failures"] = Double(storeFailures)
        values["cdr_failures"] = Double(cdrFailures)
        values["loop_stalls"] = Double(loopStalls)
        if let counters = transport?.counters {
            let transportValues: [String: Int] = [
                "udp_received": counters.udp.messagesReceived, "udp_sent": counters.udp.messagesSent,
                "tcp_received": counters.tcp.messagesReceived, "tcp_sent": counters.tcp.messagesSent,
                "tls_received": counters.tls.messagesReceived, "tls_sent": counters.tls.messagesSent,
                "oversize_dropped": counters.oversizeDropped, "framing_errors": counters.framingErrors,
                "send_errors": counters.sendErrors, "connections_open": counters.connectionsOpen,
                "connections_refused": counters.connectionsRefused,
                "connections_closed_overload": counters.connectionsClosedForOverload,
            ]
            for (name, value) in transportValues { values["transport_" + name] = Double(value) }
        }
        return values
    }
}
