import CastorCore
import CastorModel
import CastorStore
import Foundation
import PBXCore
import Synchronization

/// Brings the store up to date behind the event loop, on a thread of its own: binding changes (already in
/// the ``BindingJournal``, so their 200s have left) and CDR rows. The writer commits every batch waiting in
/// one transaction (group commit), in order, then tells the loop the number of the last journal batch the
/// store now holds, so the journal can be emptied. A SQLite checkpoint (two `fsync`s every thousand pages)
/// stalls this thread, never an answer.
///
/// Groups are at least `interval` apart (write-back, as Kamailio's usrloc `db_mode` 2 does on its timer):
/// the journal already made every change durable, so the store may lag a fraction of a second, and a phone
/// refreshing several times in that time costs one row write, not one per REGISTER. A transaction per
/// event-loop batch instead cost the PBX's core about a sixth of its time under load (perf, 4,000
/// registrations/s); stopping flushes at once.
final class BindingWriter: Sendable {
    struct Batch: Sendable {
        var changes: [SIPBindingChange]
        /// The journal's number for these changes (0 when there are none).
        var journalBatch: UInt64 = 0
        /// CDR rows of the calls that ended (nothing waits for them, but they share the thread).
        var records: [CallDetailRecord] = []
    }

    private struct State {
        var queue: [Batch] = []
        var stopped = false
    }

    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    /// Signalled by `stop()`: ends the wait between two groups.
    private let stopping = DispatchSemaphore(value: 0)
    private let store: CastorStore
    private let interval: Duration
    /// Called on the writer's thread after each group: the last journal batch the store holds (nil when the
    /// group had no binding change), the error when the bindings' commit failed (then the journal keeps them
    /// for the next start), and the error when the CDR rows' did.
    private let committed: @Sendable (UInt64?, (any Error)?, (any Error)?) -> Void

    init(
        store: CastorStore, interval: Duration = .milliseconds(200),
        committed: @escaping @Sendable (UInt64?, (any Error)?, (any Error)?) -> Void
    ) {
        self.store = store
        self.interval = interval
        self.committed = committed
        let thread = Thread { [self] in run() }
        thread.name = "castor.pbx.bindings"
        thread.start()
    }

    func submit(_ batch: Batch) {
        state.withLock { $0.queue.append(batch) }
        wakeup.signal()
    }

    func stop() {
        state.withLock { $0.stopped = true }
        wakeup.signal()
        stopping.signal()
    }

    private func run() {
        // Changes the store refused (busy past its timeout, disk full): tried again, first, with the next
        // group; until they go in, the journal keeps them (and replays them at the next start).
        var carried: [SIPBindingChange] = []
        var carriedThrough: UInt64 = 0
        let clock = ContinuousClock()
        var lastGroup = clock.now - interval
        while true {
            wakeup.wait()
            // Write-back: the next group starts `interval` after the last one, gathering what arrives meanwhile.
            let due = lastGroup + interval
            if clock.now < due, state.withLock({ !$0.queue.isEmpty && !$0.stopped }) {
                let wait = Int(clock.now.duration(to: due).nanosecondsClamped)
                _ = stopping.wait(timeout: .now() + .nanoseconds(max(0, wait)))
            }
            let (batches, stopped) = state.withLock { state -> ([Batch], Bool) in
                defer { state.queue.removeAll(keepingCapacity: true) }
                return (state.queue, state.stopped)
            }
            if !batches.isEmpty {
                lastGroup = clock.now
                let changes = Self.lastPerBinding(carried + batches.flatMap(\.changes))
                let through = max(carriedThrough, batches.lazy.map(\.journalBatch).max() ?? 0)
                var failure: (any Error)?
                if !changes.isEmpty {
                    do {
                        try store.applyBindingChanges(changes)
                        carried = []
                        carriedThrough = 0
                    } catch {
                        // One change the store refuses (a binding of a line deleted meanwhile) must not hold back
                        // the others: each is tried alone. When none goes in, the store is unavailable.
                        failure = error
                        var refused = 0
                        for change in changes {
                            do { try store.applyBindingChanges([change]) } catch { refused += 1 }
                        }
                        if refused < changes.count {
                            carried = []
                            carriedThrough = 0
                        } else {
                            carried = changes
                            carriedThrough = through
                        }
                    }
                }
                // CDR rows are written after the bindings and apart from them: a row the store refuses is
                // reported, it never holds back a 200 OK.
                let records = batches.flatMap(\.records)
                var recordFailure: (any Error)?
                if !records.isEmpty {
                    do {
                        try store.insertCDRs(records)
                    } catch {
                        recordFailure = error
                    }
                }
                committed(carried.isEmpty && through > 0 ? through : nil, failure, recordFailure)
            }
            if stopped { return }
        }
    }

    /// The group's changes with only the last one per (line, contact): each change sets the whole row, so
    /// the earlier ones of the same binding (a phone refreshing several times while the store was busy)
    /// need not reach it. Order is kept among what remains.
    static func lastPerBinding(_ changes: [SIPBindingChange]) -> [SIPBindingChange] {
        guard changes.count > 1 else { return changes }
        struct Key: Hashable {
            var lineID: Int64
            var contact: String
        }
        var last: [Key: Int] = [:]
        last.reserveCapacity(changes.count)
        for (index, change) in changes.enumerated() {
            switch change {
            case .save(let binding): last[Key(lineID: binding.lineID, contact: binding.contact)] = index
            case .remove(let lineID, let contact): last[Key(lineID: lineID, contact: contact)] = index
            }
        }
        guard last.count < changes.count else { return changes }
        return changes.indices.compactMap { index in
            switch changes[index] {
            case .save(let binding):
                return last[Key(lineID: binding.lineID, contact: binding.contact)] == index ? changes[index] : nil
            case .remove(let lineID, let contact):
                return last[Key(lineID: lineID, contact: contact)] == index ? changes[index] : nil
            }
        }
    }
}
