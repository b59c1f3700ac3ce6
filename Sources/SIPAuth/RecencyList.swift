/// A dictionary that also keeps its keys in order, oldest first, with O(1) lookup, append, move-to-newest and
/// removal (of the oldest or of any key): a doubly linked list threaded through an array of slots.
///
/// `NonceCountWindow` appends without ever touching (first-use order); `AuthFailureCounter` touches on every
/// failure (least recently failed first). A removed slot is reused by the next append.
struct RecencyList<Key: Hashable, Value> {
    struct Node {
        var key: Key
        var value: Value
        var older: Int
        var newer: Int
    }

    private var nodes: [Node] = []
    private var freeSlots: [Int] = []
    private var slots: [Key: Int] = [:]
    private var oldestSlot = -1
    private var newestSlot = -1

    init(minimumCapacity: Int = 0) {
        slots.reserveCapacity(minimumCapacity)
    }

    var count: Int { slots.count }

    func value(for key: Key) -> Value? {
        guard let slot = slots[key] else { return nil }
        return nodes[slot].value
    }

    /// The oldest entry (least recently appended or touched).
    var oldest: (key: Key, value: Value)? {
        guard oldestSlot >= 0 else { return nil }
        return (nodes[oldestSlot].key, nodes[oldestSlot].value)
    }

    /// Runs `body` on the value for `key` if present, first moving it to the newest end when `touch` is set.
    mutating func modify<R>(_ key: Key, touch: Bool, _ body: (inout Value) -> R) -> R? {
        guard let slot = slots[key] else { return nil }
        if touch, slot != newestSlot {
            unlink(slot)
            link(slot)
        }
        return body(&nodes[slot].value)
    }

    /// Adds `key` as the newest entry; replaces the value (and touches) if it is already present.
    mutating func append(_ key: Key, _ value: Value) {
        if modify(key, touch: true, { $0 = value }) != nil { return }
        let node = Node(key: key, value: value, older: -1, newer: -1)
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            nodes[slot] = node
        } else {
            slot = nodes.count
            nodes.append(node)
        }
        slots[key] = slot
        link(slot)
    }

    @discardableResult
    mutating func removeOldest() -> (key: Key, value: Value)? {
        guard let entry = oldest else { return nil }
        remove(entry.key)
        return entry
    }

    @discardableResult
    mutating func remove(_ key: Key) -> Value? {
        guard let slot = slots.removeValue(forKey: key) else { return nil }
        unlink(slot)
        freeSlots.append(slot)
        return nodes[slot].value
    }

    private mutating func unlink(_ slot: Int) {
        let (older, newer) = (nodes[slot].older, nodes[slot].newer)
        if older >= 0 { nodes[older].newer = newer } else { oldestSlot = newer }
        if newer >= 0 { nodes[newer].older = older } else { newestSlot = older }
    }

    /// Links `slot` in as the newest.
    private mutating func link(_ slot: Int) {
        nodes[slot].older = newestSlot
        nodes[slot].newer = -1
        if newestSlot >= 0 { nodes[newestSlot].newer = slot } else { oldestSlot = slot }
        newestSlot = slot
    }
}

extension RecencyList: Sendable where Key: Sendable, Value: Sendable {}
extension RecencyList.Node: Sendable where Key: Sendable, Value: Sendable {}
