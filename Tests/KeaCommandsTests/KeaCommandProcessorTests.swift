import CastorJSON
import DHCPCodec
import DHCPLeases
import KeaConfig
import Testing

@testable import KeaCommands

/// The running service as the commands see it, in memory.
actor MemoryHost: KeaCommandHost {
    var leases: [IPv4Address: Lease] = [:]
    let configuration: KeaDHCP4Config
    let configurationJSON: JSONValue
    let configurationPath: String
    var statisticValues: [String: Int64] = ["pkt4-received": 12, "pkt4-ack-sent": 3]
    let status = KeaServerStatus(pid: 4242, uptime: 60, reload: 30)
    var written: [Lease] = []
    var reclaimed: [Bool] = []
    var reloadError: String?
    var stopped = false

    init(config text: String, path: String = "/tmp/kea-dhcp4.conf") throws {
        configuration = try KeaDHCP4Config.parse(text: text, file: path)
        configurationJSON = try JSONValue(parsing: Array(text.utf8), options: .kea)
        configurationPath = path
    }

    func store(_ lease: Lease) async throws(KeaCommandError) {
        written.append(lease)
        leases[lease.address] = lease
    }

    func delete(_ lease: Lease) async throws(KeaCommandError) {
        written.append(lease.deletion)
        leases[lease.address] = nil
    }

    func reclaimExpired(remove: Bool) async throws(KeaCommandError) { reclaimed.append(remove) }

    func reloadConfiguration() async throws(KeaCommandError) {
        if let reloadError { throw KeaCommandError(.error, reloadError) }
    }

    func shutdown() async { stopped = true }
    func failReloads(_ text: String) { reloadError = text }
}

let config = """
    { "Dhcp4": { "valid-lifetime": 4000,
      "subnet4": [ { "id": 1, "subnet": "10.0.0.0/24", "pools": [ { "pool": "10.0.0.10 - 10.0.0.200" } ] } ] } }
    """

func send(_ request: String, to host: MemoryHost, now: Int64 = 1_795_493_836) async throws -> [String: JSONValue] {
    let reply = await KeaCommandProcessor.handle(Array(request.utf8), host: host, now: now)
    guard case .object(let members) = try JSONValue(parsing: reply) else {
        Issue.record("reply is not a map: \(String(decoding: reply, as: UTF8.self))")
        return [:]
    }
    return members
}

@Suite struct KeaCommandProcessorTests {
    @Test func repliesHaveKeasShapeAndSortedKeys() async throws {
        let host = try MemoryHost(config: config)
        let raw = await KeaCommandProcessor.handle(Array(#"{"command":"shutdown"}"#.utf8), host: host, now: 0)
        #expect(String(decoding: raw, as: UTF8.self) == #"{"result": 0, "text": "Shutting down."}"#)
        #expect(await host.stopped)
    }

    @Test func unknownAndMalformedCommands() async throws {
        let host = try MemoryHost(config: config)
        let bogus = try await send(#"{"command":"bogus"}"#, to: host)
        #expect(bogus["result"] == .integer(2))
        #expect(bogus["text"] == .string("'bogus' command not supported."))
        let garbage = try await send("not json", to: host)
        #expect(garbage["result"] == .integer(1))
        // Kea accepts comments in commands.
        let commented = try await send("{ /* hi */ \"command\": \"version-get\" # there\n}", to: host)
        #expect(commented["result"] == .integer(0))
    }

    @Test func leaseAddGetDelete() async throws {
        let host = try MemoryHost(config: config)
        let added = try await send(
            #"{"command":"lease4-add","arguments":{"ip-address":"10.0.0.99","hw-address":"00:04:13:11:22:33","hostname":"snom,x","valid-lft":4000}}"#,
            to: host)
        #expect(added["text"] == .string("Lease for address 10.0.0.99, subnet-id 1 added."))
        #expect(await host.leases[IPv4Address(10, 0, 0, 99)]?.expire == 1_795_497_836)

        let again = try await send(
            #"{"command":"lease4-add","arguments":{"ip-address":"10.0.0.99","hw-address":"00:04:13:11:22:33"}}"#,
            to: host)
        #expect(again["result"] == .integer(1))

        let got = try await send(#"{"command":"lease4-get","arguments":{"ip-address":"10.0.0.99"}}"#, to: host)
        #expect(got["text"] == .string("IPv4 lease found."))
        #expect(
            got["arguments"]
                == .object([
                    "cltt": .integer(1_795_493_836), "fqdn-fwd": .bool(false), "fqdn-rev": .bool(false),
                    "hostname": .string("snom,x"), "hw-address": .string("00:04:13:11:22:33"),
                    "ip-address": .string("10.0.0.99"), "state": .integer(0), "subnet-id": .integer(1),
                    "valid-lft": .integer(4000),
                ]))

        let byMAC = try await send(
            #"{"command":"lease4-get","arguments":{"identifier-type":"hw-address","identifier":"00:04:13:11:22:33","subnet-id":1}}"#,
            to: host)
        #expect(byMAC["result"] == .integer(0))

        let all = try await send(#"{"command":"lease4-get-all"}"#, to: host)
        #expect(all["text"] == .string("1 IPv4 lease(s) found."))

        let deleted = try await send(#"{"command":"lease4-del","arguments":{"ip-address":"10.0.0.99"}}"#, to: host)
        #expect(deleted["text"] == .string("IPv4 lease deleted."))
        let missing = try await send(#"{"command":"lease4-get","arguments":{"ip-address":"10.0.0.99"}}"#, to: host)
        #expect(missing["result"] == .integer(3))
        #expect(missing["text"] == .string("Lease not found."))
        let none = try await send(#"{"command":"lease4-get-all"}"#, to: host)
        #expect(none["result"] == .integer(3))
        #expect(none["text"] == .string("0 IPv4 lease(s) found."))
        // Each change went through the host's persistence, deletion as a zero-lifetime row.
        #expect(await host.written.map(\.validLifetime) == [4000, 0])
    }

    @Test func leaseAddChecksItsArguments() async throws {
        let host = try MemoryHost(config: config)
        for (arguments, fragment) in [
            (#"{"hw-address":"00:04:13:11:22:33"}"#, "ip-address"),
            (#"{"ip-address":"10.0.0.300","hw-address":"00:04:13:11:22:33"}"#, "10.0.0.300"),
            (#"{"ip-address":"10.0.0.9"}"#, "hw-address"),
            (#"{"ip-address":"192.168.1.9","hw-address":"00:04:13:11:22:33"}"#, "192.168.1.9"),
            (#"{"ip-address":"10.0.0.9","hw-address":"00:04:13:11:22:33","subnet-id":7}"#, "subnet-id=7"),
            (#"{"ip-address":"10.0.0.9","hw-address":"zz","subnet-id":1}"#, "decoded string 'zz'"),
        ] {
            let reply = try await send(#"{"command":"lease4-add","arguments":"# + arguments + "}", to: host)
            #expect(reply["result"] == .integer(1), "\(arguments)")
            #expect(reply["text"]?.serialized.contains(fragment) == true, "\(arguments): \(reply)")
        }
        #expect(await host.leases.isEmpty)
    }

    @Test func wipeAndReclaim() async throws {
        let host = try MemoryHost(config: config)
        for last in 10...12 {
            _ = try await send(
                #"{"command":"lease4-add","arguments":{"ip-address":"10.0.0.\#(last)","hw-address":"00:04:13:00:00:\#(last)"}}"#,
                to: host)
        }
        let wiped = try await send(#"{"command":"lease4-wipe","arguments":{"subnet-id":1}}"#, to: host)
        #expect(wiped["text"] == .string("Deleted 3 IPv4 lease(s) from subnet(s) 1"))
        #expect(await host.leases.isEmpty)

        let noArgument = try await send(#"{"command":"leases-reclaim"}"#, to: host)
        #expect(noArgument["text"] == .string("Missing mandatory 'remove' parameter."))
        let reclaim = try await send(#"{"command":"leases-reclaim","arguments":{"remove":true}}"#, to: host)
        #expect(reclaim["text"] == .string("Reclamation of expired leases is complete."))
        #expect(await host.reclaimed == [true])
    }

    @Test func configCommands() async throws {
        let host = try MemoryHost(config: config)
        let test = try await send(#"{"command":"config-test","arguments":"# + config + "}", to: host)
        #expect(
            test["text"]
                == .string(
                    "Configuration seems sane. Control-socket, hook-libraries, and D2 configuration were sanity checked, but not applied."
                ))
        let bad = try await send(#"{"command":"config-test","arguments":{"Dhcp4":{"vaild-lifetime":1}}}"#, to: host)
        #expect(bad["result"] == .integer(1))
        #expect(bad["text"]?.serialized.contains("vaild-lifetime") == true)

        #expect(
            try await send(#"{"command":"config-reload"}"#, to: host)["text"] == .string("Configuration successful."))
        await host.failReloads("kea-dhcp4.conf:3:5: bad")
        let failed = try await send(#"{"command":"config-reload"}"#, to: host)
        #expect(failed["text"] == .string("Config reload failed: kea-dhcp4.conf:3:5: bad"))

        let got = try await send(#"{"command":"config-get"}"#, to: host)
        #expect(got["arguments"] == (try JSONValue(parsing: Array(config.utf8), options: .kea)))
    }

    @Test func statusVersionStatisticsAndListCommands() async throws {
        let host = try MemoryHost(config: config)
        let status = try await send(#"{"command":"status-get"}"#, to: host)
        guard case .object(let arguments)? = status["arguments"] else {
            Issue.record("no arguments")
            return
        }
        #expect(arguments["pid"] == .integer(4242))
        #expect(arguments["sockets"] == .object(["status": .string("ready")]))
        let statistic = try await send(
            #"{"command":"statistic-get","arguments":{"name":"pkt4-received"}}"#, to: host, now: 1_795_493_836)
        #expect(
            statistic["arguments"]
                == .object(["pkt4-received": .array([.array([.integer(12), .string("2026-11-24 04:17:16.000000")])])]))
        let list = try await send(#"{"command":"list-commands"}"#, to: host)
        #expect(list["arguments"] == .array(KeaCommandProcessor.commands.map(JSONValue.string)))
    }

    @Test func timestampsAreUTC() {
        #expect(KeaTimestamp.format(epoch: 0) == "1970-01-01 00:00:00.000000")
        #expect(KeaTimestamp.format(epoch: 951_782_400) == "2000-02-29 00:00:00.000000")
        #expect(KeaTimestamp.format(epoch: 1_795_493_836) == "2026-11-24 04:17:16.000000")
    }
}
