import DHCPCodec
import DHCPLeaseEngine
import KeaConfig

/// The DHCP fuzz target's body, shared by the libFuzzer executable (`fuzz-dhcp`, `scripts/fuzz/dhcp.sh`) and
/// the tests, which run it briefly on a seeded corpus: whatever the bytes, the codec parses or refuses them
/// with a typed error, a parsed message serializes and is parsed again, and the lease engine answers it — none
/// of which may trap (notes/fuzzing.md).
///
/// ```swift
/// var target = DHCPFuzzTarget()
/// target.exercise(bytes)        // traps only on a bug
/// ```
public struct DHCPFuzzTarget: Sendable {
    /// A lab-like configuration: a relayed subnet, a directly attached one, a reservation, a class.
    public static let configuration: KeaDHCP4Config = {
        let text = """
            {"Dhcp4": {"valid-lifetime": 600,
              "option-def": [{"name": "tftp-server-address", "code": 150, "type": "ipv4-address", "array": true}],
              "option-data": [{"name": "tftp-server-name", "data": "http://10.0.0.1:8667/"},
                              {"name": "tftp-server-address", "data": "10.0.0.1"}],
              "client-classes": [{"name": "snom", "test": "substring(option[60].hex,0,4) == 'snom'",
                                  "option-data": [{"name": "boot-file-name", "data": "snom.htm"}]}],
              "subnet4": [{"id": 1, "subnet": "10.0.0.0/24", "pools": [{"pool": "10.0.0.10 - 10.0.0.20"}],
                           "reservations": [{"hw-address": "00:04:13:aa:bb:01", "ip-address": "10.0.0.5",
                                             "hostname": "snom-1"}]},
                          {"id": 2, "subnet": "10.1.0.0/24", "relay": {"ip-addresses": ["10.1.0.1"]},
                           "pools": [{"pool": "10.1.0.10 - 10.1.0.12"}]}]}}
            """
        // The text is a constant checked by the tests; a failure here is a bug in this file.
        return (try? KeaDHCP4Config.parse(text: text, file: "<fuzz>")) ?? KeaDHCP4Config(file: "<fuzz>")
    }()

    var engine = LeaseEngine(configuration: configuration, leases: [:], serverAddress: IPv4Address(10, 0, 0, 1))
    var now: Int64 = 1_800_000_000

    public init() {}

    /// One input. Time moves a little each call, so leases expire and get reclaimed along the way.
    public mutating func exercise(_ bytes: some Collection<UInt8>) {
        now += 7
        guard let message = try? DHCPMessage(parsing: Array(bytes)) else { return }
        for option in message.options { _ = option.decoded }
        if let again = try? message.serialized() { _ = try? DHCPMessage(parsing: again) }
        let source = LeaseEngine.PacketSource(
            address: message.giaddr == .any ? IPv4Address(0, 0, 0, 0) : message.giaddr,
            port: message.giaddr == .any ? 68 : 67, interface: "eth0")
        for action in engine.handle(message, from: source, now: now) {
            if case .send(let reply, _) = action { _ = try? reply.serialized(maximumMessageSize: 576) }
        }
        if now % 10 == 0 { _ = engine.reclaimExpired(now: now) }
    }
}
