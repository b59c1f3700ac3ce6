/// Lease lifetimes and T1/T2 timers, at any level that may set them (global, subnet, class).
///
/// `nil` means "not set here, inherit". At the global level ``KeaDHCP4Config`` fills Kea 2.2's defaults:
/// `valid-lifetime` 7200, `calculate-tee-times` false, `t1-percent` .5, `t2-percent` .875; `renew-timer` and
/// `rebind-timer` have no default, so options 58/59 are not sent unless configured (notes/kea-dhcp.md §1).
public struct KeaLeaseTimes: Equatable, Sendable {
    public var validLifetime: UInt32?
    public var minValidLifetime: UInt32?
    public var maxValidLifetime: UInt32?
    public var renewTimer: UInt32?
    public var rebindTimer: UInt32?
    public var calculateTeeTimes: Bool?
    public var t1Percent: Double?
    public var t2Percent: Double?

    public init(
        validLifetime: UInt32? = nil, minValidLifetime: UInt32? = nil, maxValidLifetime: UInt32? = nil,
        renewTimer: UInt32? = nil, rebindTimer: UInt32? = nil, calculateTeeTimes: Bool? = nil,
        t1Percent: Double? = nil, t2Percent: Double? = nil
    ) {
        self.validLifetime = validLifetime
        self.minValidLifetime = minValidLifetime
        self.maxValidLifetime = maxValidLifetime
        self.renewTimer = renewTimer
        self.rebindTimer = rebindTimer
        self.calculateTeeTimes = calculateTeeTimes
        self.t1Percent = t1Percent
        self.t2Percent = t2Percent
    }

    /// These values, with `fallback`'s where these are `nil`: a subnet's times over the global ones.
    public func inheriting(_ fallback: KeaLeaseTimes) -> KeaLeaseTimes {
        KeaLeaseTimes(
            validLifetime: validLifetime ?? fallback.validLifetime,
            minValidLifetime: minValidLifetime ?? fallback.minValidLifetime,
            maxValidLifetime: maxValidLifetime ?? fallback.maxValidLifetime,
            renewTimer: renewTimer ?? fallback.renewTimer, rebindTimer: rebindTimer ?? fallback.rebindTimer,
            calculateTeeTimes: calculateTeeTimes ?? fallback.calculateTeeTimes,
            t1Percent: t1Percent ?? fallback.t1Percent, t2Percent: t2Percent ?? fallback.t2Percent)
    }
}
