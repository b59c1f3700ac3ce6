import CastorTestSupport
import DHCPCodec
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary directory with a `kea-dhcp4.conf` that serves `lo/127.0.0.1` over UDP, one subnet relayed
/// through 127.0.0.2 (notes/kea-dhcp.md §5), and its lease file.
struct DHCPTestEnvironment {
    let directory: String
    let serverPort: UInt16

    var configPath: String { directory + "/kea-dhcp4.conf" }
    var leasePath: String { directory + "/kea-leases4.csv" }
    var logPath: String { directory + "/castor-dhcp.log" }
    /// Kea's control channel (`control-socket`), served by every configuration written here.
    var controlSocketPath: String { directory + "/kea4-ctrl-socket" }

    init(lfcInterval: Int = 0) throws {
        directory = NSTemporaryDirectory() + "castor-dhcp-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        serverPort = Self.freeUDPPort()
        try writeConfig(lfcInterval: lfcInterval)
    }

    func writeConfig(lfcInterval: Int = 0) throws {
        let text = """
            {"Dhcp4": {
              "interfaces-config": {"interfaces": ["lo/127.0.0.1"], "dhcp-socket-type": "udp"},
              "lease-database": {"type": "memfile", "name": "\(leasePath)", "lfc-interval": \(lfcInterval)},
              "control-socket": {"socket-type": "unix", "socket-name": "\(controlSocketPath)"},
              "valid-lifetime": 3600,
              "subnet4": [{"id": 1, "subnet": "10.99.0.0/16", "relay": {"ip-addresses": ["127.0.0.2"]},
                           "pools": [{"pool": "10.99.0.10 - 10.99.250.250"}],
                           "option-data": [{"name": "routers", "data": "10.99.0.1"}]}]
            }}
            """
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// A configuration that does not load: a misspelt key on line 3.
    func writeBrokenConfig() throws {
        try
            "{\"Dhcp4\": {\n  \"interfaces-config\": {\"interfaces\": [\"lo/127.0.0.1\"]},\n  \"vaild-lifetime\": 10\n}}\n"
            .write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// The lease file's current rows: address → valid lifetime of the last row for it.
    func leaseRows() -> [String: Int] {
        let text = (try? String(contentsOfFile: leasePath, encoding: .utf8)) ?? ""
        var rows: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 4, let valid = Int(fields[3]) else { continue }
            rows[String(fields[0])] = valid
        }
        return rows
    }

    /// A UDP port free on 127.0.0.1 right now (bound to port 0, then released).
    static func freeUDPPort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = LoopbackRelay.socketAddress(IPv4Address(127, 0, 0, 1), port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length)
                return getsockname(fd, pointer, &length)
            }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// `castor dhcp -c FILE -p PORT -P PORT` as a subprocess, its output in ``logPath``; returns once it listens.
    func startCastor(clientPort: UInt16) async throws -> ChildProcess {
        let process = try Subprocess.start(
            Subprocess.castor, ["dhcp", "-c", configPath, "-p", "\(serverPort)", "-P", "\(clientPort)"],
            stdout: logPath, stderr: logPath)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if log.contains("DHCP4_OPEN_SOCKET") { return process }
            if !process.isRunning { throw TestFailure("castor dhcp exited: \(log)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(process.processIdentifier, SIGKILL)
        throw TestFailure("castor dhcp did not start: \(log)")
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
