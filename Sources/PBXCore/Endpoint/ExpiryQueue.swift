import CastorCore

/// Items in the order they were added, each with the instant it expires, for items that all live equally
/// long (so deadlines only grow, and the first item is always the next to expire): the server transactions,
/// each kept 64·T1 + T4 after it started. A ring buffer: adding and taking are O(1), nothing is ever moved
/// but when the ring grows, and an item is released when it is taken.
///
/// ```swift
/// var queue = ExpiryQueue<String>()
/// queue.append("a", expiresAt: now + .seconds(37))
/// while let expired = queue.popExpired(at: later) { table[expired] = nil }
/// ```
struct ExpiryQueue<Element> {
    private var slots: [(deadline: MonotonicInstant, element: Element?)] = []
    /// The slot of the first item, and the number of items.
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ element: Element, expiresAt deadline: MonotonicInstant) {
        if count == slots.count { grow() }
        slots[(head + count) & (slots.count - 1)] = (deadline, element)
        count += 1
    }

    /// The first item, if it has expired at `now`.
    mutating func popExpired(at now: MonotonicInstant) -> Element? {
        guard count > 0, slots[head].deadline <= now else { return nil }
        let element = slots[head].element.take()
        head = (head + 1) & (slots.count - 1)
        count -= 1
        return element
    }

    /// Doubles the ring (a power of two, so positions wrap with a mask), the items first in order.
    private mutating func grow() {
        var larger: [(deadline: MonotonicInstant, element: Element?)] = []
        larger.reserveCapacity(max(16, slots.count * 2))
        for offset in 0..<count {
            // Moved out (no retain here, no release when the old ring goes).
            let index = (head + offset) & (slots.count - 1)
            larger.append((slots[index].deadline, slots[index].element.take()))
        }
        while larger.count < max(16, slots.count * 2) { larger.append((.zero, nil)) }
        slots = larger
        head = 0
    }
}

extension ExpiryQueue: Sendable where Element: Sendable {}
