import Foundation
import Logging

/// How the admin API behaves: token lifetime, body limit, clock and logger.
///
/// The clock is injected so tests can expire a token without waiting:
///
/// ```swift
/// let clock = TestClock(now: Date())
/// let options = AdminAPIOptions(tokenLifetime: .seconds(3600), now: { clock.now })
/// ```
public struct AdminAPIOptions: Sendable {
    /// How long a token from `POST /api/auth/login` stays valid.
    public var tokenLifetime: Duration
    /// The largest request body accepted; larger ones get 413.
    public var maxBodySize: Int
    /// The wall clock used to issue and check tokens.
    public var now: @Sendable () -> Date
    /// Where the API logs unexpected errors (`castor.api`).
    public var logger: Logger
    /// The DHCP server's current leases (`GET /api/dhcp/leases`); nil where the appliance serves no DHCP.
    public var dhcpLeases: (@Sendable () throws -> [DHCPLeaseView])?

    public init(
        tokenLifetime: Duration = .seconds(12 * 3600),
        maxBodySize: Int = 1 << 20,
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "castor.api")
    ) {
        self.tokenLifetime = tokenLifetime
        self.maxBodySize = maxBodySize
        self.now = now
        self.logger = logger
    }
}
