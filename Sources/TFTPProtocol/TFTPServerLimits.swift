/// What the server is willing to negotiate (RFC 2347 options), set by configuration.
///
/// ```swift
/// let limits = TFTPServerLimits(maximumBlockSize: 1468, maximumWindowSize: 16)
/// let options = TFTPNegotiatedOptions(negotiating: request.options, limits: limits, transferSize: 33_535_152)
/// ```
public struct TFTPServerLimits: Hashable, Sendable {
    /// RFC 2348's largest block size: 65535 less the IP (20), UDP (8) and TFTP (4) headers.
    public static let protocolMaximumBlockSize = 65464
    /// 1500-byte Ethernet MTU less 20 (IP), 8 (UDP) and 4 (TFTP): the largest block that is never fragmented.
    /// tftp-hpa's man page advises `-B 1468` for clients that ask for more than they can reassemble.
    public static let unfragmentedBlockSize = 1468

    /// The largest `blksize` granted, clamped to 8…65464. A client asking for more gets this (RFC 2348 §2).
    public var maximumBlockSize: Int
    /// The largest `windowsize` granted, clamped to 1…65535 (RFC 7440 §3); 1 grants only lock-step.
    public var maximumWindowSize: Int
    /// Option names (any case) the server never acknowledges, like tftp-hpa's `--refuse`.
    public var refusedOptions: Set<String>

    public init(
        maximumBlockSize: Int = Self.unfragmentedBlockSize, maximumWindowSize: Int = 16,
        refusedOptions: Set<String> = []
    ) {
        self.maximumBlockSize = maximumBlockSize
        self.maximumWindowSize = maximumWindowSize
        self.refusedOptions = refusedOptions
    }

    func refuses(_ option: TFTPOption) -> Bool {
        refusedOptions.contains { option.isNamed($0) }
    }
}
