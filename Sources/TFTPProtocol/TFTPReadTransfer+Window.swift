import CastorCore

extension TFTPReadTransfer {
    /// The wire number of absolute block `number`: 65536 is 0 again (rollover to 0, as tftp-hpa and atftp).
    static func wireNumber(_ number: Int) -> UInt16 { UInt16(truncatingIfNeeded: number) }

    mutating func sendOptionAcknowledgement(now: MonotonicInstant) -> [Action] {
        let deadline = now + timeout
        self.deadline = deadline
        return [.send(.optionAcknowledgement(options.acknowledged)), .scheduleTimeout(at: deadline)]
    }

    /// Sends (or resends) the window that starts at `base`: up to `windowSize` blocks, fewer at the end.
    mutating func sendWindow(now: MonotonicInstant) -> [Action] {
        positions.removeSubrange(1...)
        var actions: [Action] = []
        var number = base
        while positions.count <= options.windowSize {
            if let lastBlock, number > lastBlock.number { break }
            guard let start = positions.last else { break }
            let payload: [UInt8]
            let next: TFTPSourcePosition
            do {
                (payload, next) = try start.block(
                    size: options.blockSize, netascii: request.mode != .octet, from: source)
            } catch {
                return fail(.sourceFailed(String(describing: error)), sending: .undefined, "Read error")
            }
            if payload.count < options.blockSize { lastBlock = (number, payload.count) }
            actions.append(.send(.data(block: Self.wireNumber(number), payload: payload)))
            positions.append(next)
            number += 1
        }
        let deadline = now + timeout
        self.deadline = deadline
        actions.append(.scheduleTimeout(at: deadline))
        return actions
    }

    /// An ACK while transferring: slide the window past the acknowledged block, or ignore it.
    mutating func acknowledge(_ block: UInt16, now: MonotonicInstant) -> [Action] {
        // How far past the last acknowledged block (`base - 1`) this ACK is, modulo 2^16, so that matching
        // works across the rollover. 0 is a duplicate; beyond the blocks sent is stale (or nonsense).
        let distance = Int(block &- Self.wireNumber(base - 1))
        let sent = positions.count - 1
        guard distance >= 1 && distance <= sent else { return [] }
        let acknowledged = base - 1 + distance
        if let lastBlock, acknowledged == lastBlock.number {
            let bytes = (lastBlock.number - 1) * options.blockSize + lastBlock.size
            let outcome = TFTPTransferOutcome.completed(blocks: lastBlock.number, bytes: bytes)
            state = .finished(outcome)
            return [.finished(outcome)]
        }
        positions.removeSubrange(0..<distance)
        base = acknowledged + 1
        retries = 0
        timeout = retransmission.timeouts(for: options).first
        return sendWindow(now: now)
    }
}
