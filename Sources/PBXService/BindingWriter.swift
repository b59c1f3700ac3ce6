import CastorModel
import CastorStore
import Foundation
import PBXCore
import Synchronization

/// Commits binding changes (and CDR rows) on a thread of its own, so the event loop never waits for the disk: the loop
/// hands over a batch's changes with the messages that must not leave before them, the writer commits
/// every batch waiting (one transaction: group commit), then hands the messages back to be sent, in order.
///
/// Order is kept end to end: while any batch is with the writer, the driver queues later messages — even
/// those with no change of their own, such as a retransmitted 200 — behind it.
final class BindingWriter: Sendable {
    struct Batch: Sendable {
        var changes: [SIPBindingChange]
        var messages: [SIPOutbound]
        /// CDR rows of the calls that ended (nothing waits for them, but they share the thread).
        var records: [CallDetailRecord] = []
    }

    private struct State {
        var queue: [Batch] = []
        var stopped = false
    }

    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let store: CastorStore
    /// Called on the writer's thread with the messages of the committed batches (in order), how many batches
    /// they were, the error when the bindings' commit failed, and the error when the CDR rows' did.
    private let committed: @Sendable ([SIPOutbound], Int, (any Error)?, (any Error)?) -> Void

    init(
        store: CastorStore, committed: @escaping @Sendable ([SIPOutbound], Int, (any Error)?, (any Error)?) -> Void
    ) {
        self.store = store
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
    }

    private func run() {
        while true {
            wakeup.wait()
            let (batches, stopped) = state.withLock { state -> ([Batch], Bool) in
                defer { state.queue.removeAll(keepingCapacity: true) }
                return (state.queue, state.stopped)
            }
            if !batches.isEmpty {
                let changes = batches.flatMap(\.changes)
                var failure: (any Error)?
                if !changes.isEmpty {
                    do {
                        try store.applyBindingChanges(changes)
                    } catch {
                        failure = error
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
                committed(batches.flatMap(\.messages), batches.count, failure, recordFailure)
            }
            if stopped { return }
        }
    }
}
