import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Two network namespaces of our own joined by a veth pair: a server side with `<prefix>.1/24` and a client
/// side with no address, as a phone's LAN segment is. Nothing touches the host's own interfaces (README
/// "Loopback only"); ``destroy()`` removes both namespaces, and with them the veth pair.
///
/// ```swift
/// let lan = try await NetworkNamespacePair.create(prefix: "10.77.0")
/// defer { lan.destroy() }
/// let server = try Subprocess.start("/usr/sbin/ip", lan.inServer([castor, "dhcp", "-c", conf]), …)
/// ```
public struct NetworkNamespacePair: Sendable {
    public let serverNamespace: String
    public let clientNamespace: String
    /// Interface names (at most 15 bytes, the kernel's limit).
    public let serverInterface: String
    public let clientInterface: String
    public let serverAddress: String

    public static let ip = "/usr/sbin/ip"

    /// Whether namespaces can be made here (root, iproute2).
    public static var available: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: ip) }

    public static func create(prefix: String) async throws -> NetworkNamespacePair {
        let tag = String(UInt32.random(in: 0..<0xffff_ffff), radix: 16)
        let pair = NetworkNamespacePair(
            serverNamespace: "castor-s-\(tag)", clientNamespace: "castor-c-\(tag)", serverInterface: "cs\(tag)",
            clientInterface: "cc\(tag)", serverAddress: "\(prefix).1")
        let steps: [[String]] = [
            ["netns", "add", pair.serverNamespace],
            ["netns", "add", pair.clientNamespace],
            ["link", "add", pair.serverInterface, "type", "veth", "peer", "name", pair.clientInterface],
            ["link", "set", pair.serverInterface, "netns", pair.serverNamespace],
            ["link", "set", pair.clientInterface, "netns", pair.clientNamespace],
            ["-n", pair.serverNamespace, "addr", "add", "\(prefix).1/24", "dev", pair.serverInterface],
            ["-n", pair.serverNamespace, "link", "set", "lo", "up"],
            ["-n", pair.serverNamespace, "link", "set", pair.serverInterface, "up"],
            ["-n", pair.clientNamespace, "link", "set", "lo", "up"],
            ["-n", pair.clientNamespace, "link", "set", pair.clientInterface, "up"],
        ]
        for step in steps {
            let result = try await Subprocess.run(ip, step)
            guard result.status == 0 else {
                pair.destroy()
                throw TestFailure("ip \(step.joined(separator: " ")): \(result.stderr)")
            }
        }
        return pair
    }

    /// `ip netns exec <server> command…`, as arguments for `ip`.
    public func inServer(_ command: [String]) -> [String] { ["netns", "exec", serverNamespace] + command }
    public func inClient(_ command: [String]) -> [String] { ["netns", "exec", clientNamespace] + command }

    /// Deletes both namespaces (the veth pair goes with them). Processes still inside are the caller's to stop.
    public func destroy() {
        for namespace in [serverNamespace, clientNamespace] {
            let process = try? Subprocess.start(
                Self.ip, ["netns", "del", namespace], stdout: "/dev/null", stderr: "/dev/null")
            process?.waitUntilExit()
        }
    }
}
