import CastorCore

/// A binary min-heap of deadlines with a payload: the endpoint's timers (transactions' A–M, qualify).
/// Cancelled timers are not removed; their payload is checked when they come due (O(log n) per timer,
/// no search).
struct DeadlineHeap<Payload> {
    private var items: [(deadline: MonotonicInstant, order: UInt64, payload: Payload)] = []
    private var counter: UInt64 = 0

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    var nextDeadline: MonotonicInstant? { items.first?.deadline }

    mutating func push(_ deadline: MonotonicInstant, _ payload: Payload) {
        counter &+= 1
        items.append((deadline, counter, payload))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest item if it is due at `now`. Items with equal deadlines come out in
    /// the order they were pushed.
    mutating func popDue(at now: MonotonicInstant) -> Payload? {
        guard let first = items.first, first.deadline <= now else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count, less(left, smallest) { smallest = left }
                if right < items.count, less(right, smallest) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first.payload
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        items[a].deadline < items[b].deadline
            || (items[a].deadline == items[b].deadline && items[a].order < items[b].order)
    }
}
extension DeadlineHeap: Sendable where Payload: Sendable {}
