/// One `loggers` entry: which logger, how verbose, where to.
///
/// ```json
/// {"name": "kea-dhcp4", "output_options": [{"output": "stdout"}], "severity": "INFO", "debuglevel": 0}
/// ```
public struct KeaLogger: Equatable, Sendable {
    /// One `output_options` entry.
    public struct Output: Equatable, Sendable {
        /// `stdout`, `stderr`, `syslog`, `syslog:NAME` or a file path.
        public var output: String
        public var pattern: String?
        public var flush = true
        public var maxSize: UInt64 = 10_240_000
        public var maxVersion: UInt32 = 1

        public init(output: String) { self.output = output }
    }

    public var name: String
    public var outputs: [Output] = []
    /// `FATAL`, `ERROR`, `WARN`, `INFO`, `DEBUG` or `NONE`; Kea's default is `INFO`.
    public var severity = "INFO"
    /// 0–99, used when `severity` is `DEBUG`.
    public var debugLevel = 0

    public init(name: String) { self.name = name }
}
