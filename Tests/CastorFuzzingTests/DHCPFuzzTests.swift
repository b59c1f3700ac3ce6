import CastorCore
import DHCPCodec
import Testing

@testable import CastorFuzzing

/// The fuzz target run briefly, as CI can afford: the seeds, then mutations of them from a seeded generator
/// (bit flips, truncations, insertions, corrupted option lengths, overload loops). The long run is
/// `scripts/fuzz/dhcp.sh` (libFuzzer, coverage-guided); this one proves the target and catches regressions.
@Suite struct DHCPFuzzTests {
    @Test func theConfigurationAndSeedsAreValid() throws {
        #expect(DHCPFuzzTarget.configuration.subnets.count == 2)
        #expect(DHCPFuzzTarget.seeds.count >= 8)
        for seed in DHCPFuzzTarget.seeds {
            #expect(throws: Never.self) { try DHCPMessage(parsing: seed) }
        }
    }

    @Test func tenThousandMutationsNeverTrap() {
        var random = SeededRandom(seed: 0xCA57_0D4C)
        var target = DHCPFuzzTarget()
        let seeds = DHCPFuzzTarget.seeds
        for round in 0..<10_000 {
            var bytes = seeds[round % seeds.count]
            DHCPFuzzTarget.mutate(&bytes, rounds: 1 + round % 4, using: &random)
            target.exercise(bytes)
        }
        // Pure noise too, of every length up to a jumbo frame.
        for _ in 0..<1_000 {
            let count = Int.random(in: 0...1600, using: &random)
            target.exercise((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
    }

    @Test func optionOverloadLoopsAndLiesAreRefusedCleanly() {
        var target = DHCPFuzzTarget()
        var base = DHCPMessage(op: .request, xid: 1, chaddr: [0, 4, 19, 1, 2, 3])
        base.setOption(.messageType(.discover))
        base.setOption(.overload(.both))
        for (file, sname) in [
            ([52, 1, 3, 255], [52, 1, 3, 255]),  // overload again inside the overloaded fields
            ([66, 200, 1, 2], [255]),  // a length past the field's end
            ([0, 0, 0, 0], [12]),  // a code with no length byte
            ([53, 1, 1, 53, 1, 3, 255], [55, 0, 255]),  // a second message type, an empty request list
        ] as [([UInt8], [UInt8])] {
            var message = base
            message.file = file
            message.sname = sname
            guard var bytes = try? message.serialized() else { continue }
            // Write the fields as given, whatever the serializer made of them.
            for (index, byte) in file.enumerated() { bytes[108 + index] = byte }
            for (index, byte) in sname.enumerated() { bytes[44 + index] = byte }
            target.exercise(bytes)
        }
    }
}
