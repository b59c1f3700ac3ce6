import CastorTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Real DHCP clients from Debian — ISC `dhclient` and busybox `udhcpc` — on a LAN of two network namespaces
/// joined by a veth pair, against `castor dhcp` on the server side (default `dhcp-socket-type`: raw, so
/// replies to clients without an address are unicast to their MAC). Options 66 and 150 as a lab configures
/// them, with a `snom` class overriding 66 for clients that send option 60 `snom…`.
@Suite(
    .serialized,
    .enabled(if: NetworkNamespacePair.available, "needs root and iproute2 (network namespaces)"),
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/dhclient")
            && FileManager.default.isExecutableFile(atPath: "/usr/sbin/udhcpc"),
        "needs dhclient and udhcpc (scripts/setup.sh installs them)"))
struct RealClientTests {
    /// The lab's options: 66 and 150 (defined by option-def, as the guide does) globally, 66 again for Snom.
    static func configuration(interface: String, directory: String) -> String {
        """
        {"Dhcp4": {
          // The LAN side only; the host's own interfaces are never named.
          "interfaces-config": {"interfaces": ["\(interface)"]},
          "lease-database": {"type": "memfile", "name": "\(directory)/leases.csv", "lfc-interval": 0},
          "valid-lifetime": 600, "renew-timer": 300, "rebind-timer": 500,
          "option-def": [{"name": "tftp-server-address", "code": 150, "type": "ipv4-address", "array": true}],
          "option-data": [{"name": "tftp-server-name", "data": "http://10.77.0.1:8667/"},
                          {"name": "tftp-server-address", "data": "10.77.0.1"}],
          "client-classes": [{"name": "snom", "test": "substring(option[60].hex,0,4) == 'snom'",
                              "option-data": [{"name": "tftp-server-name", "data": "http://10.77.0.1:8667/snom/"}]}],
          "subnet4": [{"id": 1, "subnet": "10.77.0.0/24", "pools": [{"pool": "10.77.0.100 - 10.77.0.150"}],
                       "option-data": [{"name": "routers", "data": "10.77.0.1"}]}]
        }}
        """
    }

    /// A LAN, a temporary directory and `castor dhcp` serving the server side.
    struct Lab {
        let lan: NetworkNamespacePair
        let directory: String
        let server: ChildProcess

        var log: String { (try? String(contentsOfFile: directory + "/castor.log", encoding: .utf8)) ?? "" }
        var leasesCSV: String { (try? String(contentsOfFile: directory + "/leases.csv", encoding: .utf8)) ?? "" }

        /// The last row for `address`: its valid lifetime and expiry.
        func lastRow(_ address: String) -> (valid: Int, expire: Int)? {
            for line in leasesCSV.split(separator: "\n").reversed() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                guard fields.count > 4, fields[0] == address[...] else { continue }
                guard let valid = Int(fields[3]), let expire = Int(fields[4]) else { return nil }
                return (valid, expire)
            }
            return nil
        }

        static func start() async throws -> Lab {
            let lan = try await NetworkNamespacePair.create(prefix: "10.77.0")
            let directory = NSTemporaryDirectory() + "castor-lan-" + UUID().uuidString.prefix(8)
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try RealClientTests.configuration(interface: lan.serverInterface, directory: directory)
                    .write(toFile: directory + "/kea-dhcp4.conf", atomically: true, encoding: .utf8)
                let server = try Subprocess.start(
                    NetworkNamespacePair.ip,
                    lan.inServer([Subprocess.castor, "dhcp", "-c", directory + "/kea-dhcp4.conf"]),
                    stdout: directory + "/castor.log", stderr: directory + "/castor.log")
                let lab = Lab(lan: lan, directory: directory, server: server)
                let deadline = ContinuousClock.now + .seconds(20)
                while !lab.log.contains("DHCP4_OPEN_SOCKET") {
                    guard server.isRunning, ContinuousClock.now < deadline else {
                        lab.stop()
                        throw TestFailure("castor dhcp did not start: \(lab.log)")
                    }
                    try await Task.sleep(for: .milliseconds(20))
                }
                return lab
            } catch {
                lan.destroy()
                throw error
            }
        }

        /// A client hook script: configures the address as dhclient-script/udhcpc's default script would (in
        /// the client namespace only), and records every event with the options it was given.
        func writeScript(_ name: String, event: String, address: String, mask: String, interface: String) throws
            -> String
        {
            let path = directory + "/" + name
            let script = """
                #!/bin/sh
                # One write per event (the test reads the file while clients run): the block, then a blank line.
                block=$(echo "event=\(event)"; env | grep -E '^(new_|ip=|opt|tftp|router|serverid|lease=)' | sort)
                printf '%s\\n\\n' "$block" >> \(directory)/\(name).events
                case "\(event)" in
                  BOUND|RENEW|REBIND|REBOOT|bound|renew) ip addr replace \(address)/\(mask) dev \(interface) ;;
                  RELEASE|EXPIRE|STOP|deconfig) ip addr flush dev \(interface) ;;
                esac
                exit 0
                """
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o755)
            return path
        }

        func events(_ name: String) -> [[String: String]] {
            let text = (try? String(contentsOfFile: directory + "/" + name + ".events", encoding: .utf8)) ?? ""
            // A block is complete once its blank line is written; a last one still being written is left out.
            var blocks = text.components(separatedBy: "\n\n")
            if !text.hasSuffix("\n\n") { blocks.removeLast() }
            return blocks.filter { !$0.isEmpty }.map { block in
                var values: [String: String] = [:]
                for line in block.split(separator: "\n") {
                    let parts = line.split(separator: "=", maxSplits: 1)
                    if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
                }
                return values
            }
        }

        func stop() {
            if server.isRunning { kill(server.processIdentifier, SIGTERM) }
            let deadline = ContinuousClock.now + .seconds(10)
            while server.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
            lan.destroy()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    @Test func dhclientGetsOptions66And150AndTheSnomClassThenReleases() async throws {
        let lab = try await Lab.start()
        defer { lab.stop() }
        let interface = lab.lan.clientInterface
        let script = try lab.writeScript(
            "dhclient-hook", event: "$reason", address: "$new_ip_address", mask: "$new_subnet_mask",
            interface: interface)
        /// dhclient in the foreground (`-d`: a daemonizing client would keep Foundation from seeing it exit),
        /// until it is bound; `release` then runs `dhclient -r`, which stops it and sends a DHCPRELEASE.
        func dhclient(_ name: String, vendorClass: String?) async throws -> (ChildProcess, [String]) {
            let conf = lab.directory + "/\(name).conf"
            try """
            option tftp150 code 150 = array of ip-address;
            \(vendorClass.map { "send vendor-class-identifier \"\($0)\";" } ?? "")
            request subnet-mask, routers, tftp-server-name, tftp150;
            """.write(toFile: conf, atomically: true, encoding: .utf8)
            let files = [
                "-sf", script, "-cf", conf, "-lf", lab.directory + "/dhclient.leases", "-pf",
                lab.directory + "/dhclient.pid",
            ]
            let before = lab.events("dhclient-hook").filter { $0["event"] == "BOUND" }.count
            let process = try Subprocess.start(
                NetworkNamespacePair.ip, lab.lan.inClient(["/usr/sbin/dhclient", "-d", "-v"] + files + [interface]),
                stdout: lab.directory + "/dhclient.log", stderr: lab.directory + "/dhclient.log")
            try await eventually("dhclient is bound") {
                lab.events("dhclient-hook").filter { $0["event"] == "BOUND" }.count > before
            }
            return (process, files)
        }
        func release(_ client: (ChildProcess, [String])) async throws {
            let result = try await Subprocess.run(
                NetworkNamespacePair.ip, lab.lan.inClient(["/usr/sbin/dhclient", "-r"] + client.1 + [interface]))
            #expect(result.status == 0, "\(result.stderr)")
            await Subprocess.waitForExit(client.0)
        }

        // Capture what reaches the client, to see how the replies were addressed.
        let capture = lab.directory + "/client.pcap"
        let tcpdump = FileManager.default.isExecutableFile(atPath: "/usr/bin/tcpdump")
        let sniffer =
            tcpdump
            ? try Subprocess.start(
                NetworkNamespacePair.ip,
                lab.lan.inClient(["/usr/bin/tcpdump", "-i", interface, "-n", "-U", "-w", capture, "udp port 68"]),
                stdout: lab.directory + "/tcpdump.log", stderr: lab.directory + "/tcpdump.log") : nil
        if tcpdump { try await Task.sleep(for: .seconds(1)) }

        let plain = try await dhclient("plain", vendorClass: nil)
        let bound = try #require(lab.events("dhclient-hook").last { $0["event"] == "BOUND" })
        let address = try #require(bound["new_ip_address"])
        #expect(address.hasPrefix("10.77.0.1"))
        #expect(bound["new_tftp_server_name"] == "http://10.77.0.1:8667/")
        #expect(bound["new_tftp150"] == "10.77.0.1")
        #expect(bound["new_routers"] == "10.77.0.1")
        #expect(bound["new_dhcp_lease_time"] == "600")
        #expect(lab.lastRow(address)?.valid == 600)

        try await release(plain)
        try await eventually("the release is in the lease file") { lab.lastRow(address)?.valid == 0 }

        let snom = try await dhclient("snom", vendorClass: "snomD715")
        let snomBound = try #require(lab.events("dhclient-hook").last { $0["event"] == "BOUND" })
        #expect(snomBound["new_tftp_server_name"] == "http://10.77.0.1:8667/snom/")
        #expect(snomBound["new_tftp150"] == "10.77.0.1")
        try await release(snom)

        if let sniffer {
            kill(sniffer.processIdentifier, SIGINT)
            await Subprocess.waitForExit(sniffer)
            let read = try await Subprocess.run("/usr/bin/tcpdump", ["-r", capture, "-n"])
            // dhclient leaves the broadcast flag clear: the OFFER and ACK go to yiaddr, at the client's MAC.
            #expect(read.stdout.contains("10.77.0.1.67 > \(address).68"), "\(read.stdout)")
            #expect(!read.stdout.contains("> 255.255.255.255.68"), "\(read.stdout)")
        }
    }

    @Test func udhcpcBindsRenewsAndReleases() async throws {
        let lab = try await Lab.start()
        defer { lab.stop() }
        let interface = lab.lan.clientInterface
        let script = try lab.writeScript(
            "udhcpc-hook", event: "$1", address: "$ip", mask: "$mask", interface: interface)
        let client = try Subprocess.start(
            NetworkNamespacePair.ip,
            lab.lan.inClient([
                "/usr/sbin/udhcpc", "-f", "-i", interface, "-s", script, "-O", "150", "-t", "5", "-T", "2",
            ]), stdout: lab.directory + "/udhcpc.log", stderr: lab.directory + "/udhcpc.log")
        defer {
            if client.isRunning { kill(client.processIdentifier, SIGKILL) }
        }
        try await eventually("udhcpc is bound") { lab.events("udhcpc-hook").contains { $0["event"] == "bound" } }
        let bound = try #require(lab.events("udhcpc-hook").first { $0["event"] == "bound" })
        let address = try #require(bound["ip"])
        #expect(bound["opt150"] == "0a4d0001")  // 10.77.0.1
        #expect(bound["router"] == "10.77.0.1")
        #expect(bound["lease"] == "600")
        let first = try #require(lab.lastRow(address))

        // SIGUSR1: renew now — a REQUEST unicast from the client's address, answered to ciaddr.
        try await Task.sleep(for: .seconds(1.1))
        kill(client.processIdentifier, SIGUSR1)
        try await eventually("udhcpc renewed") { lab.events("udhcpc-hook").contains { $0["event"] == "renew" } }
        let renewed = try #require(lab.lastRow(address))
        #expect(renewed.valid == 600)
        #expect(renewed.expire > first.expire)

        // SIGUSR2: release — the lease is deleted (a row with valid lifetime 0).
        kill(client.processIdentifier, SIGUSR2)
        try await eventually("the release is in the lease file") { lab.lastRow(address)?.valid == 0 }
        kill(client.processIdentifier, SIGTERM)
        await Subprocess.waitForExit(client)
    }
}

/// Polls `condition` until it holds (30 s at most).
func eventually(_ what: String, _ condition: () throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while try !condition() {
        guard ContinuousClock.now < deadline else { throw TestFailure("timed out waiting until \(what)") }
        try await Task.sleep(for: .milliseconds(50))
    }
}
