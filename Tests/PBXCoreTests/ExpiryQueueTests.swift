import CastorCore
import Testing

@testable import PBXCore

@Suite("ExpiryQueue")
struct ExpiryQueueTests {
    let start = MonotonicInstant(nanoseconds: 1_000_000_000)

    @Test("items leave in order, only once their deadline has come")
    func order() {
        var queue = ExpiryQueue<Int>()
        for index in 0..<5 { queue.append(index, expiresAt: start + .seconds(Int64(index))) }
        #expect(queue.popExpired(at: start + .milliseconds(-1)) == nil)
        #expect(queue.popExpired(at: start + .milliseconds(1_500)) == 0)
        #expect(queue.popExpired(at: start + .milliseconds(1_500)) == 1)
        #expect(queue.popExpired(at: start + .milliseconds(1_500)) == nil)
        #expect(queue.count == 3)
        #expect(queue.popExpired(at: start + .seconds(10)) == 2)
        #expect(queue.popExpired(at: start + .seconds(10)) == 3)
        #expect(queue.popExpired(at: start + .seconds(10)) == 4)
        #expect(queue.isEmpty && queue.popExpired(at: start + .seconds(10)) == nil)
    }

    @Test("taking and adding interleaved over many items keeps every item once, in order")
    func reclaim() {
        var queue = ExpiryQueue<Int>()
        var next = 0
        var expected = 0
        for round in 0..<50 {
            for _ in 0..<1_000 {
                queue.append(next, expiresAt: start + .milliseconds(Int64(next)))
                next += 1
            }
            // Take all but the last 300 added: the ring wraps around and grows with items on both sides.
            let until = start + .milliseconds(Int64(next - 300 - 1))
            while let item = queue.popExpired(at: until) {
                #expect(item == expected)
                expected += 1
            }
            #expect(queue.count == 300, "round \(round)")
        }
        while let item = queue.popExpired(at: start + .seconds(3_600)) {
            #expect(item == expected)
            expected += 1
        }
        #expect(expected == next)
    }
}

@Suite("ShardedDictionary")
struct ShardedDictionaryTests {
    @Test("stores, replaces and removes like a dictionary, and counts what it holds")
    func dictionary() {
        var table = ShardedDictionary<String, Int>()
        var reference: [String: Int] = [:]
        for index in 0..<5_000 {
            let key = "k\(index % 1_700)"
            if index % 7 == 3 {
                table[key] = nil
                reference[key] = nil
            } else {
                table[key] = index
                reference[key] = index
            }
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        #expect(table["absent"] == nil)
        for key in reference.keys { table[key] = nil }
        #expect(table.isEmpty)
    }
}
