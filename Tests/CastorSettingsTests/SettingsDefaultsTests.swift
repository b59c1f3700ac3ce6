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
        #expect(settings.supervisor.daemons == ["api", "dhcp", "provd", "pbx"])
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
                "provd", "provd.listen", "provd.tftp_port", "provd.http_port", "provd.https_port",
                "provd.tls_certificate", "provd.tls_key", "provd.server_address", "provd.provisioning_url",
                "provd.allowed_networks", "provd.url_key", "provd.autoprov", "provd.unknown_device_limit",
                "provd.tftp_busy_poll_us",
                "pbx", "pbx.listen", "pbx.sip_port", "pbx.tls_port", "pbx.tcp", "pbx.tls_certificate", "pbx.tls_key",
                "pbx.rtp_ports", "pbx.realm", "pbx.auth_algorithms", "pbx.nonce_lifetime", "pbx.auth_retries",
                "pbx.min_expires", "pbx.max_expires", "pbx.default_expires", "pbx.qualify_frequency",
                "pbx.ring_timeout", "pbx.rtp_timeout", "pbx.call_limit", "pbx.emergency_numbers", "pbx.media_address",
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

@Suite("castor.yaml: provd")
struct ProvdSettingsTests {
    @Test("the lab defaults: both ports, the lab network and loopback allowed, URL from the server address")
    func defaults() {
        let provd = Settings().provd
        #expect(provd.tftpPort == 69 && provd.httpPort == 8667)
        #expect(provd.httpsPort == 0 && provd.tlsCertificate == "" && provd.tlsKey == "")
        #expect(provd.allowedNetworks.map(\.description) == ["10.20.0.0/24", "127.0.0.0/8"])
        #expect(provd.resolvedProvisioningURL == "http://10.20.0.1:8667/")
        var keyed = provd
        keyed.urlKey = "k3y"
        #expect(keyed.resolvedProvisioningURL == "http://10.20.0.1:8667/k3y/")
    }
}

extension ProvdSettingsTests {
    @Test("networks, ports and the URL key are read; a bad network names its line and element")
    func reads() throws {
        let settings = try Settings.parse(
            yaml: "provd:\n  tftp_port: 6969\n  allowed_networks: [192.168.1.0/24]\n  url_key: lab-2026\n",
            file: "castor.yaml")
        #expect(settings.provd.tftpPort == 6969)
        #expect(settings.provd.allowedNetworks.map(\.description) == ["192.168.1.0/24"])
        #expect(settings.provd.urlKey == "lab-2026")
        do {
            _ = try Settings.parse(
                yaml: "provd:\n  allowed_networks:\n    - 10.0.0.0/24\n    - 10.0.0/33\n", file: "castor.yaml")
            Issue.record("a bad network was accepted")
        } catch {
            #expect("\(error)".hasPrefix("castor.yaml:4:7: provd.allowed_networks[1]"))
        }
        #expect(throws: SettingsError.self) { try Settings.parse(yaml: "provd:\n  url_key: a/b\n", file: "c.yaml") }
        #expect(throws: SettingsError.self) { try Settings.parse(yaml: "provd:\n  listen: ::\n", file: "c.yaml") }
    }
}

extension ProvdSettingsTests {
    @Test("HTTPS: the port and the PEM pair are read; the provisioning URL stays http unless it is set")
    func https() throws {
        let settings = try Settings.parse(
            yaml: """
                provd:
                  https_port: 8668
                  tls_certificate: /etc/castor/provd.crt
                  tls_key: /etc/castor/provd.key
                """,
            file: "castor.yaml")
        #expect(settings.provd.httpsPort == 8668)
        #expect(settings.provd.tlsCertificate == "/etc/castor/provd.crt")
        #expect(settings.provd.tlsKey == "/etc/castor/provd.key")
        #expect(settings.provd.resolvedProvisioningURL == "http://10.20.0.1:8667/")
        let told = try Settings.parse(
            yaml: "provd:\n  https_port: 8668\n  provisioning_url: https://10.20.0.1:8668/\n", file: "castor.yaml")
        #expect(told.provd.resolvedProvisioningURL == "https://10.20.0.1:8668/")
    }
}

extension ProvdSettingsTests {
    @Test("the TFTP busy poll: 50 µs by default, 0 turns it off, beyond a millisecond is refused with its line")
    func busyPoll() throws {
        #expect(Settings().provd.tftpBusyPollMicroseconds == 50)
        let off = try Settings.parse(yaml: "provd:\n  tftp_busy_poll_us: 0\n", file: "castor.yaml")
        #expect(off.provd.tftpBusyPollMicroseconds == 0)
        do {
            _ = try Settings.parse(yaml: "provd:\n  tftp_busy_poll_us: 5000\n", file: "castor.yaml")
            Issue.record("a 5 ms busy poll was accepted")
        } catch {
            #expect("\(error)".hasPrefix("castor.yaml:2:22: provd.tftp_busy_poll_us"), "\(error)")
        }
    }
}
