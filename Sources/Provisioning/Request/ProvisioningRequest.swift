/// A phone's request for a provisioning file, as the HTTP or TFTP server received it: the facts identification
/// works from (wazo-provd's `http_dev_info_extractor` / `tftp_dev_info_extractor` inputs).
///
/// ```swift
/// let request = ProvisioningRequest(
///     httpTarget: "/snomD715-000413AABB01.htm?mac=000413AABB01",
///     userAgent: "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12 000413AABB01)",
///     sourceIP: "10.0.0.51")
/// request.fileName   // "snomD715-000413AABB01.htm"
/// request.query      // ["mac": "000413AABB01"]
/// ```
public struct ProvisioningRequest: Sendable, Equatable {
    /// How the file was asked for. TFTP requests carry no User-Agent and no query.
    public enum Transport: String, Sendable, Equatable {
        case http, tftp
    }

    public var transport: Transport
    /// The path as requested, without the query (`/snomD715.htm`, or the TFTP file name).
    public var path: String
    /// Query items, percent-decoded; the last one wins when a name repeats.
    public var query: [String: String]
    public var userAgent: String?
    /// The peer's address, for logs and for the server's own policy (allow lists); identification ignores it.
    public var sourceIP: String?

    public init(
        transport: Transport = .http, path: String, query: [String: String] = [:], userAgent: String? = nil,
        sourceIP: String? = nil
    ) {
        self.transport = transport
        self.path = path
        self.query = query
        self.userAgent = userAgent
        self.sourceIP = sourceIP
    }

    /// Splits an HTTP request target (`/path?name=value&…`) into path and decoded query.
    public init(httpTarget: String, userAgent: String? = nil, sourceIP: String? = nil) {
        let (path, rawQuery) = Self.split(target: httpTarget)
        self.init(
            transport: .http, path: PercentDecoding.decode(path), query: Self.parse(query: rawQuery),
            userAgent: userAgent, sourceIP: sourceIP)
    }

    /// A TFTP read request for `fileName` (RFC 1350: the name is the whole request).
    public init(tftpFileName fileName: String, sourceIP: String? = nil) {
        self.init(transport: .tftp, path: fileName, sourceIP: sourceIP)
    }

    /// The last component of the path: what plugins match on. A phone asks for `snomD715.htm` at the server's
    /// root, or under whatever prefix option 66 named; the prefix is the server's business.
    public var fileName: String {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        return components.last.map(String.init) ?? ""
    }

    private static func split(target: String) -> (path: String, query: String) {
        guard let mark = target.firstIndex(of: "?") else { return (target, "") }
        let query = target[target.index(after: mark)...]
        let withoutFragment = query.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
        return (String(target[..<mark]), String(withoutFragment ?? ""))
    }

    private static func parse(query: String) -> [String: String] {
        var items: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawName = parts.first, !rawName.isEmpty else { continue }
            let name = PercentDecoding.decode(String(rawName), plusIsSpace: true)
            let value = parts.count > 1 ? PercentDecoding.decode(String(parts[1]), plusIsSpace: true) : ""
            items[name] = value
        }
        return items
    }
}
