/// A relay thread's table of watched sockets: what an epoll token means. A token carries the slot's index
/// and a generation, so an event already returned by epoll_wait for a socket closed in the same cycle (its
/// session released) is recognised as stale instead of reaching the slot's next occupant.
struct SocketSlots {
    struct Slot {
        var session: RelaySession
        var socket: Int32
        var leg: MediaLeg
        var isRTCP: Bool
        var generation: UInt32
    }

    /// The token of the relay thread's eventfd.
    static let wakeToken = UInt64.max

    private var slots: [Slot?] = []
    private var free: [Int] = []
    private var generation: UInt32 = 0

    /// Stores a socket's slot; returns its epoll token.
    mutating func insert(session: RelaySession, socket: Int32, leg: MediaLeg, isRTCP: Bool) -> UInt64 {
        generation &+= 1
        let slot = Slot(session: session, socket: socket, leg: leg, isRTCP: isRTCP, generation: generation)
        let index: Int
        if let reused = free.popLast() {
            index = reused
            slots[index] = slot
        } else {
            index = slots.count
            slots.append(slot)
        }
        return UInt64(generation) << 32 | UInt64(index)
    }

    /// The slot for a token; `nil` when the token is stale.
    func slot(for token: UInt64) -> Slot? {
        let index = Int(token & 0xFFFF_FFFF)
        guard index < slots.count, let slot = slots[index], UInt64(slot.generation) == token >> 32 else { return nil }
        return slot
    }

    mutating func remove(_ token: UInt64) {
        let index = Int(token & 0xFFFF_FFFF)
        guard slot(for: token) != nil else { return }
        slots[index] = nil
        free.append(index)
    }
}
