import Testing

@testable import CastorSettings

@Suite("Defaults and a full file")
struct SettingsDefaultsTests {
    @Test("the documented defaults")
    func defaults() {
        let settings = Settings()
        #expect(settings.dataDir == "/var/lib/castor")
        #expect(settings.runDir == "")
        #expect(settings.resolvedRunDir == "/var/lib/castor/run")
        #expect(settings.logLevel == .info)
        #expect(
            settings.api
                == Settings.API(enabled: true, listen: "0.0.0.0", port: 8080, tokenLifetime: 3600, adminUser: "admin"))
        #expect(settings.supervisor.stopGracePeriod == 10)
        #expect(settings.supervisor.restartDelayInitial == 0.5)
        #expect(settings.supervisor.restartDelayMax == 30)
        #expect(settings.supervisor.crashLoopRestarts == 5)
        #expect(settings.supervisor.crashLoopWindow == 60)
        #expect(settings.supervisor.daemons == ["api", "dhcp"])
        #expect(Settings.knownDaemons == ["api", "dhcp", "provd", "pbx"])
    }

    @Test(
        "nothing to read means the defaults",
        arguments: [
            "", "\n\n", "# only a comment\n", "# one\n\n   # two\n", "---\n", "~\n", "api:\n", "api:\nsupervisor: ~\n",
            "api:\n  port:\n  listen: ~\n", "{}\n",
        ])
    func emptyMeansDefaults(yaml: String) throws {
        #expect(try Settings.parse(yaml: yaml, file: "castor.yaml") == Settings())
    }

    @Test("a file setting every key")
    func fullFile() throws {
        let yaml = """
            data_dir: /srv/castor
            run_dir: /run/castor
            log_level: debug
            api:
              enabled: false
              listen: "::1"
              port: 0
              token_lifetime: 600
              admin_user: root
            supervisor:
              stop_grace_period: 2.5
              restart_delay_initial: 1
              restart_delay_max: 120
              crash_loop_restarts: 3
              crash_loop_window: 30.5
              daemons: [pbx, dhcp, provd, api]
            """
        let expected = Settings(
            dataDir: "/srv/castor",
            runDir: "/run/castor",
            logLevel: .debug,
            api: Settings.API(enabled: false, listen: "::1", port: 0, tokenLifetime: 600, adminUser: "root"),
            supervisor: Settings.Supervisor(
                stopGracePeriod: 2.5, restartDelayInitial: 1, restartDelayMax: 120, crashLoopRestarts: 3,
                crashLoopWindow: 30.5, daemons: ["pbx", "dhcp", "provd", "api"]))
        let settings = try Settings.parse(yaml: yaml, file: "castor.yaml")
        #expect(settings == expected)
        #expect(settings.resolvedRunDir == "/run/castor")
    }

    @Test("missing keys keep their defaults beside the keys given")
    func partialFile() throws {
        let settings = try Settings.parse(yaml: "api:\n  port: 9090\n", file: "castor.yaml")
        var expected = Settings()
        expected.api.port = 9090
        #expect(settings == expected)
    }

    @Test("values YAML spells in other ways")
    func spellings() throws {
        let yaml = """
            api:
              enabled: no
              port: "8081"
              listen: pbx-1.lab.example
              admin_user: 1234
            supervisor:
              daemons: []
            """
        let settings = try Settings.parse(yaml: yaml, file: "castor.yaml")
        #expect(settings.api.enabled == false)
        #expect(settings.api.port == 8081)
        #expect(settings.api.listen == "pbx-1.lab.example")
        #expect(settings.api.adminUser == "1234")
        #expect(settings.supervisor.daemons == [])
    }

    @Test("knownKeyPaths lists every key, sections before their keys")
    func knownKeyPaths() {
        #expect(
            Settings.knownKeyPaths == [
                "data_dir", "run_dir", "log_level",
                "api", "api.enabled", "api.listen", "api.port", "api.token_lifetime", "api.admin_user",
                "supervisor", "supervisor.stop_grace_period", "supervisor.restart_delay_initial",
                "supervisor.restart_delay_max", "supervisor.crash_loop_restarts", "supervisor.crash_loop_window",
                "supervisor.daemons",
            ])
    }

    @Test("log levels order from trace to critical, as swift-log's")
    func logLevelOrder() {
        #expect(
            Settings.LogLevel.allCases.map(\.rawValue) == [
                "trace", "debug", "info", "notice", "warning", "error", "critical",
            ])
        #expect(Settings.LogLevel.debug < .info)
        #expect(!(Settings.LogLevel.critical < .error))
    }
}
