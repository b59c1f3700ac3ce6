/// A dictionary split in `shardCount` dictionaries by the key's hash, for a table that holds hundreds of
/// thousands of entries on the event loop (the server transactions: 64·T1 + T4 of them, 900,000 at 12,000
/// registrations/s). A `Dictionary` that outgrows its storage moves every entry at once: at that size, 50 to
/// 90 ms during which the loop answers nothing and a busy client's socket overflows. A shard grows at a
/// 64th of the size, and the shards reach their thresholds at different moments.
///
/// ```swift
/// var table = ShardedDictionary<String, Int>()
/// table["a"] = 1
/// table["a"]          // 1
/// table.count         // 1
/// ```
struct ShardedDictionary<Key: Hashable, Value> {
    static var shardCount: Int { 64 }

    private var shards = [[Key: Value]](repeating: [:], count: Self.shardCount)
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    private static func shard(_ key: Key) -> Int { key.hashValue & (shardCount - 1) }

    subscript(key: Key) -> Value? {
        get { shards[Self.shard(key)][key] }
        set {
            let shard = Self.shard(key)
            if let newValue {
                if shards[shard].updateValue(newValue, forKey: key) == nil { count += 1 }
            } else if shards[shard].removeValue(forKey: key) != nil {
                count -= 1
            }
        }
    }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}
