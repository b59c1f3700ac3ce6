import ArgumentParser
import CastorSupervisor
import Foundation
import Supervision

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Each daemon's state, pid, uptime, restarts and last exit (as xivo-service status).")

    @OptionGroup var options: DataOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let settings = try options.settings().settings
        let reply: SupervisorReply
        do {
            reply = try SupervisorClient(runDir: settings.resolvedRunDir).send(.status)
        } catch {
            throw Failure("castor run is not reachable: \(error)")
        }
        guard reply.ok, let daemons = reply.daemons else { throw Failure(reply.error ?? "the supervisor refused") }
        if json {
            print(try JSONOutput.string(reply))
            return
        }
        print("castor run (pid \(reply.supervisorPID.map(String.init) ?? "?")), data dir \(settings.dataDir)")
        let rows = daemons.map { daemon in
            [
                daemon.name, daemon.state, daemon.pid.map(String.init) ?? "-", daemon.uptime.map(Self.duration) ?? "-",
                String(daemon.restarts),
                (daemon.lastExit ?? "-") + (daemon.nextStartIn.map { ", restart in " + Self.duration($0) } ?? ""),
            ]
        }
        print(
            TextTable(header: ["DAEMON", "STATE", "PID", "UPTIME", "RESTARTS", "LAST EXIT"], rows: rows).render(),
            terminator: "")
    }

    /// `3d04h`, `2h05m`, `4m07s`, `12s`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        if s >= 86_400 { return String(format: "%dd%02dh", s / 86_400, s % 86_400 / 3600) }
        if s >= 3600 { return String(format: "%dh%02dm", s / 3600, s % 3600 / 60) }
        if s >= 60 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return "\(s)s"
    }
}

struct Service: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Control the daemons of a running castor run.", subcommands: [Restart.self])

    struct Restart: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a daemon and start it again.")
        @OptionGroup var options: DataOptions
        @Argument(help: "The daemon (api, dhcp, provd, pbx).") var name: String

        func run() throws {
            let settings = try options.settings().settings
            let reply: SupervisorReply
            do {
                reply = try SupervisorClient(runDir: settings.resolvedRunDir).send(
                    SupervisorRequest(command: "restart", name: name))
            } catch {
                throw Failure("castor run is not reachable: \(error)")
            }
            guard reply.ok else { throw Failure(reply.error ?? "the supervisor refused") }
            print("\(name): restarting")
        }
    }
}

/// A plain text table, columns padded to their widest cell, as Asterisk's console prints them.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    func render() -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0)
            }.joined() + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
