import DHCPCodec
import KeaConfig

/// The lifetimes granted to one client: valid lifetime (option 51) and the T1/T2 timers (58/59).
struct GrantedTimes: Equatable, Sendable {
    var valid: UInt32
    var renewal: UInt32?
    var rebinding: UInt32?
}

extension LeaseEngine {
    /// The subnet's lifetimes over the global ones.
    func leaseTimes(_ context: ClientContext) -> KeaLeaseTimes {
        context.subnet.leaseTimes.inheriting(configuration.leaseTimes)
    }

    /// Kea's `AllocEngine::getValidLft` and `Dhcpv4Srv::setTeeTimes`.
    ///
    /// The valid lifetime is the first client class's that sets one, else the subnet's (inheriting the global);
    /// a lifetime the client asks for in option 51 is honoured within `min-`/`max-valid-lifetime` (each
    /// defaulting to the valid lifetime itself, so without them the request changes nothing). T2 is
    /// `rebind-timer`, else `t2-percent` × valid when `calculate-tee-times`; it is sent only if below the valid
    /// lifetime. T1 likewise, and only if below T2 when T2 is sent.
    func grantedTimes(_ context: ClientContext, requested: UInt32?) -> GrantedTimes {
        let subnetTimes = leaseTimes(context)
        var bounds = subnetTimes
        for index in context.classIndices {
            let times = configuration.clientClasses[index].leaseTimes
            if times.validLifetime != nil {
                bounds = times
                break
            }
        }
        let defaultValid = bounds.validLifetime ?? 7200
        let minimum = bounds.minValidLifetime ?? defaultValid
        let maximum = bounds.maxValidLifetime ?? defaultValid
        let valid = requested.map { min(max($0, minimum), maximum) } ?? defaultValid

        let calculate = subnetTimes.calculateTeeTimes ?? false
        func percent(_ fraction: Double?) -> UInt32? {
            guard calculate, let fraction else { return nil }
            return UInt32(fraction * Double(valid))
        }
        var ceiling = valid
        var rebinding: UInt32?
        if let t2 = subnetTimes.rebindTimer ?? percent(subnetTimes.t2Percent), t2 > 0, t2 < ceiling {
            rebinding = t2
            ceiling = t2
        }
        var renewal: UInt32?
        if let t1 = subnetTimes.renewTimer ?? percent(subnetTimes.t1Percent), t1 > 0, t1 < ceiling {
            renewal = t1
        }
        return GrantedTimes(valid: valid, renewal: renewal, rebinding: rebinding)
    }
}
