extension Settings {
    /// `log_level`: the least severe message logged. The names and order are swift-log's `Logger.Level`,
    /// so the executable maps one to the other by raw value without this target importing Logging.
    public enum LogLevel: String, Sendable, CaseIterable, Comparable {
        case trace
        case debug
        case info
        case notice
        case warning
        case error
        case critical

        public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
            guard let left = allCases.firstIndex(of: lhs), let right = allCases.firstIndex(of: rhs) else {
                return false
            }
            return left < right
        }
    }
}
