extension Settings {
    /// `supervisor:` how `castor run` starts, restarts and stops its daemons (DESIGN.md §1).
    ///
    /// A dead daemon is restarted after `restart_delay_initial` seconds, the delay doubling on each
    /// consecutive crash up to `restart_delay_max`. A daemon that dies `crash_loop_restarts` times within
    /// `crash_loop_window` seconds is reported as `crash-loop`, and still restarted at the capped delay.
    public struct Supervisor: Sendable, Equatable {
        /// `stop_grace_period`: seconds between SIGTERM and SIGKILL when stopping a daemon.
        public var stopGracePeriod: Double
        /// `restart_delay_initial`: seconds before the first restart of a dead daemon.
        public var restartDelayInitial: Double
        /// `restart_delay_max`: the ceiling of the doubling restart delay, in seconds.
        public var restartDelayMax: Double
        /// `crash_loop_restarts`: this many deaths within `crash_loop_window` make a crash loop.
        public var crashLoopRestarts: Int
        /// `crash_loop_window`: the sliding window, in seconds, in which deaths are counted.
        public var crashLoopWindow: Double
        /// `daemons`: which daemons `castor run` starts, in this order; each one of `Settings.knownDaemons`.
        public var daemons: [String]

        public init(
            stopGracePeriod: Double = 10,
            restartDelayInitial: Double = 0.5,
            restartDelayMax: Double = 30,
            crashLoopRestarts: Int = 5,
            crashLoopWindow: Double = 60,
            daemons: [String] = ["api", "dhcp", "provd", "pbx"]
        ) {
            self.stopGracePeriod = stopGracePeriod
            self.restartDelayInitial = restartDelayInitial
            self.restartDelayMax = restartDelayMax
            self.crashLoopRestarts = crashLoopRestarts
            self.crashLoopWindow = crashLoopWindow
            self.daemons = daemons
        }
    }
}

extension Settings.Supervisor: SettingsSection {
    static var defaults: Settings.Supervisor { Settings.Supervisor() }

    static var keys: [SettingsKey<Settings.Supervisor>] {
        [
            .value("stop_grace_period", \.stopGracePeriod) { value throws(SettingsError) in
                try value.seconds(above: 0, atMost: 300)
            },
            .value("restart_delay_initial", \.restartDelayInitial) { value throws(SettingsError) in
                try value.seconds(above: 0, atMost: 30)
            },
            .value("restart_delay_max", \.restartDelayMax) { value throws(SettingsError) in
                try value.seconds(above: 0, atMost: 3600)
            },
            // Fewer than two would call a single crash a loop.
            .value("crash_loop_restarts", \.crashLoopRestarts) { value throws(SettingsError) in
                try value.integer(from: 2)
            },
            .value("crash_loop_window", \.crashLoopWindow) { value throws(SettingsError) in
                try value.seconds(above: 0)
            },
            .value("daemons", \.daemons) { value throws(SettingsError) in
                try value.uniqueList(of: "daemon names") { element throws(SettingsError) in
                    try element.choice(of: Settings.knownDaemons)
                }
            },
        ]
    }

    /// The delay doubles from the initial value up to the maximum, so a maximum below the initial value
    /// is a contradiction; it is reported where the reader will look: the later of the two keys.
    func validate(_ found: FoundKeys) throws(SettingsError) {
        guard restartDelayMax < restartDelayInitial else { return }
        guard let later = found.later(of: "restart_delay_initial", "restart_delay_max") else { return }
        throw later.error(
            "restart_delay_max (\(SettingsValue.format(restartDelayMax))) must not be less than restart_delay_initial "
                + "(\(SettingsValue.format(restartDelayInitial)))")
    }
}
