import CastorCore

/// Items in the order they were added, each with the instant it expires, for items that all live equally
/// long (so deadlines only grow, and the first item is always the next to expire): the server transactions,
/// each kept 64·T1 + T4 after it started. Adding and taking are O(1) amortized; no heap, no sorting.
///
/// ```swift
/// var queue = ExpiryQueue<String>()
/// queue.append("a", expiresAt: now + .seconds(37))
/// while let expired = queue.popExpired(at: later) { table[expired] = nil }
/// ```
struct ExpiryQueue<Element> {
    private var items: [(deadline: MonotonicInstant, element: Element)] = []
    /// Index of the first live item; the slots before it are taken and reclaimed in bulk.
    private var head = 0

    var count: Int { items.count - head }
    var isEmpty: Bool { head == items.count }

    mutating func append(_ element: Element, expiresAt deadline: MonotonicInstant) {
        items.append((deadline, element))
    }

    /// The first item, if it has expired at `now`.
    mutating func popExpired(at now: MonotonicInstant) -> Element? {
        guard head < items.count, items[head].deadline <= now else { return nil }
        let element = items[head].element
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 4_096, head * 2 >= items.count {
            // Reclaim the taken half: one move of the live items per doubling, O(1) per item overall.
            items.removeFirst(head)
            head = 0
        }
        return element
    }
}

extension ExpiryQueue: Sendable where Element: Sendable {}
