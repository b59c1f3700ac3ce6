import Testing

@testable import CastorSettings

@Suite("Errors name file:line:column and the key")
struct SettingsErrorTests {
    @Test("description is <file>:<line>:<col>: <key>: <message>, without the key when there is none")
    func description() {
        let error = SettingsError(file: "a.yaml", line: 3, column: 9, key: "api.port", message: "bad")
        #expect(error.description == "a.yaml:3:9: api.port: bad")
        let syntax = SettingsError(file: "a.yaml", line: 1, column: 2, key: "", message: "bad")
        #expect(syntax.description == "a.yaml:1:2: bad")
    }

    @Test("the file name is used as given")
    func fileNameAsGiven() {
        let error = settingsError("api:\n  port: eighty\n", file: "/tmp/lab/castor.yaml")
        #expect(
            error?.description
                == "/tmp/lab/castor.yaml:2:9: api.port: expected an integer from 0 to 65535, got \"eighty\"")
    }

    @Test(
        "YAML syntax errors carry libyaml's 1-based mark and no key",
        arguments: [
            ("api:\n  port: 8080\n   bad: x\n", "castor.yaml:3:7: mapping values are not allowed in this context"),
            (
                "api: [1, 2\n",
                "castor.yaml:2:1: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 6)"
            ),
            (
                "log_level: \"info\n",
                "castor.yaml:2:1: found unexpected end of stream (while scanning a quoted scalar at line 1, column 12)"
            ),
            (
                "log_level: info\n---\nlog_level: debug\n",
                "castor.yaml:2:1: but found another document (expected a single document in the stream at line 1, column 1)"
            ),
            ("data_dir: *somewhere\n", "castor.yaml:1:11: found undefined alias"),
            ("api:\n  admin_user: a\u{1}b\n", "castor.yaml:2:16: control characters are not allowed"),
        ])
    func syntax(yaml: String, expected: String) {
        let error = settingsError(yaml)
        #expect(error?.description == expected)
        #expect(error?.key == "")
    }

    @Test(
        "unknown keys suggest the closest known key, or list them all",
        arguments: [
            ("api:\n  prot: 8080\n", "castor.yaml:2:3: api.prot: unknown key \"prot\" in api (did you mean \"port\"?)"),
            (
                "api:\n  colour: red\n",
                "castor.yaml:2:3: api.colour: unknown key \"colour\" in api "
                    + "(known keys: enabled, listen, port, token_lifetime, admin_user)"
            ),
            ("data_dri: /srv\n", "castor.yaml:1:1: data_dri: unknown key \"data_dri\" (did you mean \"data_dir\"?)"),
            (
                "log_level: info\ndhcp:\n  interfaces: [eth1]\n",
                "castor.yaml:2:1: dhcp: unknown key \"dhcp\" (known keys: data_dir, run_dir, log_level, api, provd, pbx, supervisor)"
            ),
            (
                "supervisor:\n  stop_grace: 3\n",
                "castor.yaml:2:3: supervisor.stop_grace: unknown key \"stop_grace\" in supervisor "
                    + "(known keys: stop_grace_period, restart_delay_initial, restart_delay_max, crash_loop_restarts, "
                    + "crash_loop_window, daemons)"
            ),
            ("API:\n  port: 1\n", "castor.yaml:1:1: API: unknown key \"API\" (did you mean \"api\"?)"),
        ])
    func unknownKey(yaml: String, expected: String) {
        #expect(settingsError(yaml)?.description == expected)
    }

    @Test(
        "a duplicate key is reported at its second occurrence, with its path",
        arguments: [
            (
                "api:\n  port: 8080\n  enabled: true\n  port: 9090\n",
                "castor.yaml:4:3: api.port: duplicate key \"port\" in api (first at line 2, column 3)"
            ),
            (
                "log_level: info\nlog_level: debug\nlog_level: error\n",
                "castor.yaml:2:1: log_level: duplicate key \"log_level\" (first at line 1, column 1)"
            ),
            (
                "api:\n  port: 1\nlog_level: info\napi:\n  port: 2\n",
                "castor.yaml:4:1: api: duplicate key \"api\" (first at line 1, column 1)"
            ),
            // Yams names "listen" first (it sorts the keys); the first repeat in the file is "port".
            (
                "api:\n  port: 1\n  listen: a\n  port: 2\n  listen: b\n",
                "castor.yaml:4:3: api.port: duplicate key \"port\" in api (first at line 2, column 3)"
            ),
            (
                "\"log_level\": info\nlog_level: debug\n",
                "castor.yaml:2:1: log_level: duplicate key \"log_level\" (first at line 1, column 1)"
            ),
            (
                "api: {port: 1, port: 2}\n",
                "castor.yaml:1:16: api.port: duplicate key \"port\" in api (first at line 1, column 7)"
            ),
            (
                "# née\napi: {admin_user: zoë, port: 1}\napi: {port: 2}\n",
                "castor.yaml:3:1: api: duplicate key \"api\" (first at line 2, column 1)"
            ),
            (
                "supervisor:\n  daemons: [api, dhcp, api]\n",
                "castor.yaml:2:24: supervisor.daemons[2]: \"api\" is listed twice (first at line 2, column 13)"
            ),
        ])
    func duplicateKey(yaml: String, expected: String) {
        #expect(settingsError(yaml)?.description == expected)
    }

    @Test("a duplicate Yams reports but we cannot rename falls back to Yams' position")
    func duplicateFallback() {
        // An anchored key repeated through an alias: Yams' mark is the anchor, not the key's text.
        let error = settingsError("api:\n  &k port: 1\n  *k : 2\n")
        #expect(error?.line == 2)
        #expect(error?.column == 3)
        #expect(error?.key == "")
        #expect(error?.message == "duplicate key \"port\": keys must be unique within a mapping")
    }

    @Test(
        "wrong types and values outside their range",
        arguments: [
            (
                "api:\n  port: eighty\n",
                "castor.yaml:2:9: api.port: expected an integer from 0 to 65535, got \"eighty\""
            ),
            ("api:\n  port: 70000\n", "castor.yaml:2:9: api.port: expected an integer from 0 to 65535, got 70000"),
            ("api:\n  port: -1\n", "castor.yaml:2:9: api.port: expected an integer from 0 to 65535, got -1"),
            ("api:\n  port: 80.5\n", "castor.yaml:2:9: api.port: expected an integer from 0 to 65535, got 80.5"),
            ("api:\n  port: [80]\n", "castor.yaml:2:9: api.port: expected an integer from 0 to 65535, got a list"),
            (
                "api:\n  token_lifetime: 59\n",
                "castor.yaml:2:19: api.token_lifetime: expected an integer number of seconds from 60 to 2592000, got 59"
            ),
            ("api:\n  enabled: maybe\n", "castor.yaml:2:12: api.enabled: expected true or false, got \"maybe\""),
            (
                "api:\n  listen: 256.1.1.1\n",
                "castor.yaml:2:11: api.listen: expected an IPv4 or IPv6 address or a host name, got \"256.1.1.1\""
            ),
            (
                "api:\n  listen: \"[::1]\"\n",
                "castor.yaml:2:11: api.listen: expected an IPv4 or IPv6 address or a host name, got \"[::1]\""
            ),
            ("api:\n  admin_user: \"\"\n", "castor.yaml:2:15: api.admin_user: expected a non-empty string, got \"\""),
            (
                "api:\n  admin_user: {name: x}\n",
                "castor.yaml:2:15: api.admin_user: expected a non-empty string, got a mapping"
            ),
            (
                "data_dir: var/lib/castor\n",
                "castor.yaml:1:11: data_dir: expected an absolute path, got \"var/lib/castor\""
            ),
            (
                "run_dir: run\n",
                "castor.yaml:1:10: run_dir: expected an absolute path, or \"\" for the default, got \"run\""
            ),
            (
                "supervisor:\n  stop_grace_period: 0\n",
                "castor.yaml:2:22: supervisor.stop_grace_period: expected a number of seconds greater than 0 and at most 300, got 0"
            ),
            (
                "supervisor:\n  stop_grace_period: 301\n",
                "castor.yaml:2:22: supervisor.stop_grace_period: expected a number of seconds greater than 0 and at most 300, got 301"
            ),
            (
                "supervisor:\n  restart_delay_initial: .inf\n",
                "castor.yaml:2:26: supervisor.restart_delay_initial: expected a number of seconds greater than 0 and at most 30, got \".inf\""
            ),
            (
                "supervisor:\n  crash_loop_restarts: 1\n",
                "castor.yaml:2:24: supervisor.crash_loop_restarts: expected an integer of at least 2, got 1"
            ),
            (
                "supervisor:\n  crash_loop_window: -5\n",
                "castor.yaml:2:22: supervisor.crash_loop_window: expected a number of seconds greater than 0, got -5"
            ),
            (
                "supervisor:\n  daemons: api\n",
                "castor.yaml:2:12: supervisor.daemons: expected a list of daemon names, got \"api\""
            ),
        ])
    func wrongValue(yaml: String, expected: String) {
        #expect(settingsError(yaml)?.description == expected)
    }

    @Test(
        "values outside a fixed set list the allowed ones",
        arguments: [
            (
                "log_level: verbose\n",
                "castor.yaml:1:12: log_level: expected one of trace, debug, info, notice, warning, error, critical, got \"verbose\""
            ),
            (
                "supervisor:\n  daemons:\n    - api\n    - dhcp\n    - sip\n",
                "castor.yaml:5:7: supervisor.daemons[2]: expected one of api, dhcp, provd, pbx, got \"sip\""
            ),
            (
                "supervisor:\n  daemons: [api, [pbx]]\n",
                "castor.yaml:2:18: supervisor.daemons[1]: expected one of api, dhcp, provd, pbx, got a list"
            ),
        ])
    func invalidChoice(yaml: String, expected: String) {
        #expect(settingsError(yaml)?.description == expected)
    }

    @Test(
        "a section, or the whole file, that is not a mapping",
        arguments: [
            ("api: 8080\n", "castor.yaml:1:6: api: expected a mapping, got 8080"),
            ("supervisor:\n  - api\n", "castor.yaml:2:3: supervisor: expected a mapping, got a list"),
            ("- api\n- pbx\n", "castor.yaml:1:1: expected a mapping of settings at the top level, got a list"),
            ("castor\n", "castor.yaml:1:1: expected a mapping of settings at the top level, got \"castor\""),
            ("? [a, b]\n: 1\n", "castor.yaml:1:3: expected a key name, got a list"),
        ])
    func notAMapping(yaml: String, expected: String) {
        #expect(settingsError(yaml)?.description == expected)
    }

    @Test("restart_delay_max below restart_delay_initial is reported at the later of the two keys")
    func crossField() {
        let maxFirst = "supervisor:\n  restart_delay_max: 5\n  restart_delay_initial: 10\n"
        #expect(
            settingsError(maxFirst)
                == SettingsError(
                    file: "castor.yaml", line: 3, column: 26, key: "supervisor.restart_delay_initial",
                    message: "restart_delay_max (5) must not be less than restart_delay_initial (10)"))

        let maxLast = "supervisor:\n  restart_delay_initial: 10\n  crash_loop_window: 60\n  restart_delay_max: 5\n"
        #expect(
            settingsError(maxLast)?.description
                == "castor.yaml:4:22: supervisor.restart_delay_max: "
                + "restart_delay_max (5) must not be less than restart_delay_initial (10)")

        // Only one of the two written: the one written is where the user can act.
        let onlyMax = "supervisor:\n  restart_delay_max: 0.25\n"
        #expect(
            settingsError(onlyMax)?.description
                == "castor.yaml:2:22: supervisor.restart_delay_max: "
                + "restart_delay_max (0.25) must not be less than restart_delay_initial (0.5)")

        let equal = "supervisor:\n  restart_delay_max: 2\n  restart_delay_initial: 2\n"
        #expect(settingsError(equal) == nil)
    }

    @Test("the first error in file order wins")
    func firstErrorWins() {
        let yaml = "log_level: loud\napi:\n  port: eighty\n"
        #expect(settingsError(yaml)?.key == "log_level")
    }

    @Test(
        "pbx: ranges, algorithms and expiry bounds are checked where they are written",
        arguments: [
            (
                "pbx:\n  rtp_ports: 20000-10000\n",
                "castor.yaml:2:14: pbx.rtp_ports: expected a port range \"A-B\" with 1024 <= A < B <= 65535 and A even (RTP on even ports), got \"20000-10000\""
            ),
            (
                "pbx:\n  auth_algorithms: [MD5, SHA-512]\n",
                "castor.yaml:2:26: pbx.auth_algorithms[1]: expected one of MD5, SHA-256, MD5-sess, SHA-256-sess, got \"SHA-512\""
            ),
            (
                "pbx:\n  min_expires: 600\n  max_expires: 300\n",
                "castor.yaml:3:16: pbx.max_expires: max_expires (300) must not be less than min_expires (600)"
            ),
            (
                "pbx:\n  sip_port: 70000\n",
                "castor.yaml:2:13: pbx.sip_port: expected an integer from 0 to 65535, got 70000"
            ),
        ])
    func pbx(yaml: String, expected: String) {
        #expect(settingsError(yaml)?.description == expected)
    }

    @Test(
        "provd: the HTTPS port and the PEM pair are checked where they are written",
        arguments: [
            (
                "provd:\n  https_port: 65536\n",
                "castor.yaml:2:15: provd.https_port: expected an integer from 0 to 65535, got 65536"
            ),
            (
                "provd:\n  https_port: https\n",
                "castor.yaml:2:15: provd.https_port: expected an integer from 0 to 65535, got \"https\""
            ),
            (
                "provd:\n  tls_certificate: tls/provd.crt\n  tls_key: /etc/castor/provd.key\n",
                "castor.yaml:2:20: provd.tls_certificate: expected an absolute path, or \"\" for the default, got "
                    + "\"tls/provd.crt\""
            ),
            (
                "provd:\n  tls_key: [a, b]\n",
                "castor.yaml:2:12: provd.tls_key: expected an absolute path, or \"\" for the default, got a list"
            ),
            (
                "provd:\n  https_port: 8668\n  tls_certificate: /etc/castor/provd.crt\n",
                "castor.yaml:3:20: provd.tls_certificate: tls_certificate is set but tls_key is not: give both PEM "
                    + "files, or neither for a self-signed pair in <data_dir>/tls"
            ),
            (
                "provd:\n  tls_key: /etc/castor/provd.key\n  tls_certificate: \"\"\n",
                "castor.yaml:3:20: provd.tls_certificate: tls_key is set but tls_certificate is not: give both PEM "
                    + "files, or neither for a self-signed pair in <data_dir>/tls"
            ),
        ])
    func provdHTTPS(yaml: String, expected: String) {
        #expect(settingsError(yaml)?.description == expected)
    }
}
