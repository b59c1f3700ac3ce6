import CastorCore

/// One read transfer (RRQ) on the server side, as a state machine: events in, ``Action``s out. It never
/// reads a clock or touches a socket; the adapter sends what ``Action/send(_:)`` says from the transfer's own
/// port (its TID, RFC 1350 §4), arms the timer, and feeds back packets and timer expiries.
///
/// ```
///  start ─▶ negotiating (OACK sent) ──ACK 0──▶ transferring ──ACK of the last block──▶ finished
///    │                                              ▲   │
///    └──────────── no option accepted ──────────────┘   └─ client ERROR / illegal packet / retries spent
/// ```
///
/// ```swift
/// var transfer = TFTPReadTransfer(request: request, source: file, limits: limits)
/// perform(transfer.start(now: clock.now))
/// // for each datagram from the peer's address and port:
/// perform(transfer.receive(datagram: bytes, now: clock.now))
/// // when the timer armed by the last `.scheduleTimeout(at:)` expires:
/// perform(transfer.timerFired(now: clock.now))
/// ```
///
/// Behaviour (RFC 1350, RFC 2347–2349, RFC 7440):
/// - With options accepted, the OACK goes first and DATA follows the client's ACK 0.
/// - Up to `windowsize` DATA packets are sent, then the transfer waits. An ACK of the window's last block
///   sends the next window; an ACK of an earlier block of the window means the client holds the file up to
///   there, so the next window starts just after it (RFC 7440 §4). Lock-step is window 1.
/// - An ACK of the block before the window (a duplicate) or older (stale) is ignored: only a timeout
///   retransmits, which avoids the Sorcerer's Apprentice syndrome (RFC 1123 §4.2.3.1).
/// - Block numbers roll over from 65535 to 0, as tftp-hpa and atftp do (RFC 1350 has no rule; some clients
///   expect 1, which tftp-hpa's `rollover` option selects; not offered here). ACKs are matched modulo 2^16
///   relative to the window, so any file size works.
/// - A file whose size is a multiple of the block size ends with an empty DATA block (RFC 1350 §6).
/// - Packets from any address and port but the peer's are the adapter's business: it answers them with
///   ``TFTPPacket/unknownTransferID`` (ERROR 5) and does not call this transfer (RFC 1350 §4).
public struct TFTPReadTransfer<Source: TFTPFileSource> {
    /// What the adapter must do, in order.
    public enum Action: Hashable, Sendable {
        /// Send this packet to the peer (``TFTPPacket/serialized()``).
        case send(TFTPPacket)
        /// Call ``timerFired(now:)`` at (or after) this instant. Replaces any earlier timer: only the latest
        /// matters, and a stale or early call is ignored, so the adapter need not cancel timers.
        case scheduleTimeout(at: MonotonicInstant)
        /// The transfer is over: drop it and its timer. Every later event returns no action.
        case finished(TFTPTransferOutcome)
    }

    enum State: Hashable {
        case idle
        /// OACK sent, waiting for ACK 0.
        case negotiating
        case transferring
        case finished(TFTPTransferOutcome)
    }

    public let request: TFTPRequest
    /// The negotiated parameters; ``TFTPNegotiatedOptions/acknowledged`` is the OACK.
    public let options: TFTPNegotiatedOptions
    public let retransmission: TFTPRetransmission
    let source: Source
    var state: State = .idle

    /// The absolute (never wrapping) number of the first block not yet acknowledged; block 1 is the first.
    var base = 1
    /// `positions[i]` is where block `base + i` starts: `positions.count - 1` blocks of the window are sent.
    var positions: [TFTPSourcePosition] = [.start]
    /// The absolute number and size of the short block that ends the file, once read.
    var lastBlock: (number: Int, size: Int)?
    /// Retransmissions since the client last made progress.
    var retries = 0
    var timeout: Duration
    var deadline: MonotonicInstant?
    /// Packets sent again after a timeout, over the whole transfer (for metrics).
    public private(set) var retransmittedPackets = 0

    /// A transfer of `source` for `request`, negotiating its options against `limits`. `tsize` announces
    /// `source.byteCount` in octet mode and `source.netasciiByteCount` in netascii (and mail) mode.
    public init(
        request: TFTPRequest, source: Source, limits: TFTPServerLimits = TFTPServerLimits(),
        retransmission: TFTPRetransmission = TFTPRetransmission()
    ) {
        let size = request.mode == .octet ? source.byteCount : source.netasciiByteCount
        self.request = request
        self.options = TFTPNegotiatedOptions(negotiating: request.options, limits: limits, transferSize: size)
        self.retransmission = retransmission
        self.source = source
        self.timeout = retransmission.timeouts(for: options).first
    }

    /// Whether the transfer has ended.
    public var isFinished: Bool {
        if case .finished = state { return true }
        return false
    }

    /// How it ended, once finished.
    public var outcome: TFTPTransferOutcome? {
        if case .finished(let outcome) = state { return outcome }
        return nil
    }

    // MARK: Events

    /// Sends the OACK, or the first window of DATA if no option was accepted.
    public mutating func start(now: MonotonicInstant) -> [Action] {
        guard state == .idle else { return [] }
        guard options.acknowledged.isEmpty else {
            state = .negotiating
            return sendOptionAcknowledgement(now: now)
        }
        state = .transferring
        return sendWindow(now: now)
    }

    /// A datagram from the peer. Bytes that are not a TFTP packet end the transfer with ERROR 4.
    public mutating func receive(datagram: some Collection<UInt8>, now: MonotonicInstant) -> [Action] {
        guard state == .negotiating || state == .transferring else { return [] }
        do {
            return receive(try TFTPPacket(parsing: datagram), now: now)
        } catch {
            return fail(.illegalPacket(error.description), sending: .illegalOperation, "Malformed packet")
        }
    }

    /// A packet from the peer.
    public mutating func receive(_ packet: TFTPPacket, now: MonotonicInstant) -> [Action] {
        switch (state, packet) {
        case (.idle, _), (.finished, _):
            return []
        case (_, .error(let code, let message)):
            // RFC 1350 §7: an ERROR is not acknowledged; the transfer just ends.
            let outcome = TFTPTransferOutcome.failed(.peerError(code, message: message))
            state = .finished(outcome)
            return [.finished(outcome)]
        case (.negotiating, .acknowledgement(let block)):
            // Only ACK 0 accepts the OACK (RFC 2347 §2); anything else is a stray duplicate.
            guard block == 0 else { return [] }
            state = .transferring
            retries = 0
            timeout = retransmission.timeouts(for: options).first
            return sendWindow(now: now)
        case (.transferring, .acknowledgement(let block)):
            return acknowledge(block, now: now)
        case (_, .readRequest), (_, .writeRequest), (_, .data), (_, .optionAcknowledgement):
            return fail(.illegalPacket(packet.description), sending: .illegalOperation, "Illegal TFTP operation")
        }
    }

    /// The timer from the latest ``Action/scheduleTimeout(at:)`` expired: retransmit, or give up.
    public mutating func timerFired(now: MonotonicInstant) -> [Action] {
        guard state == .negotiating || state == .transferring, let deadline, now >= deadline else { return [] }
        guard retries < retransmission.maximumRetries else {
            return fail(.timedOut, sending: .undefined, "Transfer timed out")
        }
        retries += 1
        timeout = min(timeout * 2, retransmission.timeouts(for: options).cap)
        if state == .negotiating {
            retransmittedPackets += 1
            return sendOptionAcknowledgement(now: now)
        }
        let actions = sendWindow(now: now)
        retransmittedPackets += actions.count {
            if case .send(.data) = $0 { true } else { false }
        }
        return actions
    }

    /// Ends the transfer, telling the peer why with an ERROR packet.
    mutating func fail(_ failure: TFTPTransferFailure, sending code: TFTPErrorCode, _ message: String) -> [Action] {
        let outcome = TFTPTransferOutcome.failed(failure)
        state = .finished(outcome)
        return [.send(.error(code, message: message)), .finished(outcome)]
    }
}

extension TFTPReadTransfer: Sendable where Source: Sendable {}
