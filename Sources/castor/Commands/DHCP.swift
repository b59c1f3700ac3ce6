import ArgumentParser
import Foundation
import KeaConfig

/// `castor dhcp`: the DHCPv4 server, reading a Kea 2.2 `kea-dhcp4.conf` unchanged (DESIGN.md §4).
struct DHCP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dhcp", abstract: "The DHCPv4 server (Kea 2.2 compatible). Today: check a configuration file.",
        discussion: """
            `castor dhcp -t FILE` checks FILE as `kea-dhcp4 -t FILE` does and exits 0 when it is valid, 1 when \
            it is not, printing each error as FILE:LINE:COL: message (Kea omits the position of semantic errors; \
            Castor always gives it).
            """)

    @Option(name: .customShort("t"), help: "Check this configuration file and exit (0: valid, 1: invalid).")
    var test: String

    func run() throws {
        let config: KeaDHCP4Config
        do {
            config = try KeaDHCP4Config.load(path: test)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        for warning in config.warnings { printError("warning: \(warning)") }
        let reservations = config.reservations.count + config.subnets.reduce(0) { $0 + $1.reservations.count }
        print(
            "\(test): configuration OK: \(config.subnets.count) subnet\(config.subnets.count == 1 ? "" : "s"), "
                + "\(reservations) reservation\(reservations == 1 ? "" : "s"), "
                + "\(config.clientClasses.count) client class\(config.clientClasses.count == 1 ? "" : "es")")
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
