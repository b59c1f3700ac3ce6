import ArgumentParser
import CastorModel
import Foundation

/// `castor cli -x "COMMAND"`: console commands in the words of Asterisk's and XiVO's CLI.
struct Console: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cli", abstract: "Run a console command (as `asterisk -rx`).",
        discussion: "Commands: \(ConsoleCommands.all.map(\.words).joined(separator: ", ")).")

    @OptionGroup var options: DataOptions
    @Option(name: .customShort("x"), help: "The command, e.g. \"users show\".") var execute: String

    func run() throws {
        let words = execute.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        guard let command = ConsoleCommands.all.first(where: { $0.words == words }) else {
            throw Failure(
                "no such command \"\(execute)\"; try: \(ConsoleCommands.all.map(\.words).joined(separator: ", "))")
        }
        print(try command.run(options), terminator: "")
    }
}

/// The console's commands. Commands answered from the data model run here; those a daemon answers (sip,
/// dhcp, …) are added with the daemon and asked over its control socket.
struct ConsoleCommand: Sendable {
    var words: String
    var summary: String
    var run: @Sendable (DataOptions) throws -> String
}

enum ConsoleCommands {
    static let all: [ConsoleCommand] = [
        ConsoleCommand(words: "users show", summary: "Users with their line, context, extension, phone and voicemail") {
            options in
            let (store, _) = try options.openStore()
            let summaries = try Failure.store { () throws(CastorError) in try store.userSummaries() }
            let rows = summaries.map { s in
                [
                    String(s.user.id ?? 0), s.user.name, s.context ?? "-", s.exten ?? "-", s.line?.username ?? "-",
                    s.deviceMAC ?? "-", s.voicemail ?? "-",
                ]
            }
            let table = TextTable(
                header: ["ID", "NAME", "CONTEXT", "EXTEN", "LINE", "DEVICE", "VOICEMAIL"], rows: rows)
            return table.render() + "\(summaries.count) user\(summaries.count == 1 ? "" : "s")\n"
        },
        ConsoleCommand(words: "contexts show", summary: "Contexts with their ranges and includes") { options in
            let (store, _) = try options.openStore()
            let contexts = try Failure.store { () throws(CastorError) in try store.contexts() }
            let rows = contexts.map { c in
                [
                    c.name, c.displayName, c.type.rawValue,
                    c.ranges.map { "\($0.kind.rawValue) \($0)" }.joined(separator: ", "),
                    c.includes.isEmpty ? "-" : c.includes.joined(separator: ", "),
                ]
            }
            return TextTable(header: ["CONTEXT", "NAME", "TYPE", "RANGES", "INCLUDES"], rows: rows).render()
                + "\(contexts.count) context\(contexts.count == 1 ? "" : "s")\n"
        },
        ConsoleCommand(words: "devices show", summary: "Phones with their state, lines and last fetch") { options in
            let (store, _) = try options.openStore()
            let devices = try Failure.store { () throws(CastorError) in try store.devices() }
            let rows = devices.map { d in
                [
                    d.mac.description, d.vendor, d.model,
                    // wazo-provd's words: a phone with no line is "unassigned" (autoprov).
                    (d.state == .autoprov ? "unassigned" : "configured")
                        + (d.resyncRequested == nil ? "" : ", resync pending"),
                    d.ip ?? "-",
                    d.lines.isEmpty
                        ? "-"
                        : d.lines.map { "\($0.position):\($0.username ?? String($0.lineID))" }.joined(separator: " "),
                    d.lastSeen.map { "\($0) \(d.lastFetch ?? "")" } ?? "never",
                ]
            }
            return TextTable(header: ["MAC", "VENDOR", "MODEL", "STATE", "IP", "LINES", "LAST FETCH"], rows: rows)
                .render()
                + "\(devices.count) device\(devices.count == 1 ? "" : "s")\n"
        },
        ConsoleCommand(words: "dhcp leases", summary: "DHCP leases: address, MAC, hostname, state, expiry") { options in
            try DHCPLeasesCommand.run(options)
        },
        ConsoleCommand(words: "sip show peers", summary: "Lines with their contacts, source, user agent, state, RTT") {
            options in try SIPShowCommand.peers(options)
        },
        ConsoleCommand(words: "sip show registrations", summary: "Registered contacts and their expiry") {
            options in try SIPShowCommand.registrations(options)
        },
        ConsoleCommand(words: "sip show stats", summary: "PBX counters: registrations, auth failures, transactions") {
            options in try SIPShowCommand.stats(options)
        },
        ConsoleCommand(words: "cdr show", summary: "The last 50 calls: caller, callee, disposition, billsec, loss") {
            options in try CDRShowCommand.run(options)
        },
        ConsoleCommand(words: "sip show contexts", summary: "The dial plan: contexts, includes, what each reaches") {
            options in try CoreShowCommand.showContexts(options)
        },
        ConsoleCommand(words: "core show calls", summary: "Calls in progress: caller, callee, state, duration") {
            options in try CoreShowCommand.showCalls(options)
        },
        ConsoleCommand(
            words: "core show channels", summary: "Call legs: codec, relay port, packets, loss, jitter"
        ) { options in try CoreShowCommand.showChannels(options) },
    ]
}
