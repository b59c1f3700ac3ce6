import CastorModel
import Foundation
import PBXCore
import PBXService

/// `core show calls`, `core show channels` (asked of the running PBX) and `sip show contexts` (the dial plan,
/// from the store), in the words of Asterisk's console.
enum CoreShowCommand {
    static func calls(_ options: DataOptions) throws -> [PBXCall] {
        guard let calls = try SIPShowCommand.ask(options, "calls")?.calls else {
            throw Failure("the PBX is not running (start it with `castor run` or `castor pbx`)")
        }
        return calls
    }

    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "-" }
        let total = Int(seconds)
        return String(format: "%02d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
    }

    /// One row per call: who calls whom, in which contexts, its state and age.
    static func showCalls(_ options: DataOptions) throws -> String {
        let calls = try calls(options)
        let rows = calls.map { call in
            [
                String(call.id), "\(call.caller.number) (\(call.caller.context))",
                "\(call.callee.number) (\(call.callee.context))", call.state, duration(call.seconds),
                duration(call.answeredSeconds),
            ]
        }
        let active = calls.filter { $0.state == "Up" }.count
        return TextTable(header: ["CALL", "CALLER", "CALLEE", "STATE", "AGE", "TALKING"], rows: rows).render()
            + "\(active) active call\(active == 1 ? "" : "s")\n\(calls.count) call\(calls.count == 1 ? "" : "s") processed now\n"
    }

    /// One row per leg (Asterisk's channels): codec, the relay's port, the phone's RTP address, the packets
    /// the relay received from it and sent to it, loss and jitter.
    static func showChannels(_ options: DataOptions) throws -> String {
        let calls = try calls(options)
        var rows: [[String]] = []
        for call in calls {
            for (side, leg) in [("caller", call.caller), ("callee", call.callee)] {
                rows.append([
                    "SIP/\(leg.line)-\(String(call.id))", side, call.state + (leg.onHold ? " (hold)" : ""),
                    leg.codec ?? "-", String(leg.relayPort), leg.remote ?? "-", String(leg.packetsReceived),
                    String(leg.packetsSent), String(leg.lost), String(format: "%.1f ms", leg.jitterMilliseconds),
                ])
            }
        }
        return TextTable(
            header: ["CHANNEL", "LEG", "STATE", "CODEC", "RELAY", "REMOTE", "RX", "TX", "LOST", "JITTER"], rows: rows
        ).render() + "\(rows.count) active channel\(rows.count == 1 ? "" : "s")\n"
    }

    /// The dial plan: each context, what it includes (transitively, in search order), its numbers and lines.
    static func showContexts(_ options: DataOptions) throws -> String {
        let (store, _) = try options.openStore()
        let (contexts, extensions, lines) = try Failure.store {
            () throws(CastorError) -> ([Context], [Extension], [Line]) in
            (try store.contexts(), try store.extensions(), try store.lines())
        }
        let usernames = Dictionary(lines.compactMap { line in line.id.map { ($0, line.username) } }) { a, _ in a }
        let settings = try options.settings().settings
        let plan = DialPlan(contexts: contexts, extensions: extensions, emergencyNumbers: settings.pbx.emergencyNumbers)
        let rows = contexts.map { context in
            let numbers = extensions.filter { $0.context == context.name }.sorted { $0.exten < $1.exten }.map {
                item -> String in
                if let lineID = item.lineID, let username = usernames[lineID], username != item.exten {
                    return "\(item.exten)→\(username)"
                }
                return item.kind == .user ? item.exten : "\(item.exten) (\(item.kind.rawValue))"
            }
            let reachable = plan.searchOrder(from: context.name).dropFirst()
            return [
                context.name, context.type.rawValue,
                context.includes.isEmpty ? "-" : context.includes.joined(separator: ", "),
                reachable.isEmpty ? "-" : reachable.joined(separator: ", "),
                numbers.isEmpty ? "-" : numbers.joined(separator: " "),
            ]
        }
        return TextTable(header: ["CONTEXT", "TYPE", "INCLUDES", "REACHES", "EXTENSIONS"], rows: rows).render()
            + "\(contexts.count) context\(contexts.count == 1 ? "" : "s"); emergency numbers from every context: "
            + "\(settings.pbx.emergencyNumbers.joined(separator: ", "))\n"
    }
}
