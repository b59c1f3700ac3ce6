import CastorControl
import CastorModel
import Foundation
import PBXService

/// `castor cli -x "sip show peers"` and `"sip show registrations"`: asked of the running PBX over its control
/// socket (`<run_dir>/pbx.sock`), in the columns of Asterisk's `sip show peers`. When the PBX is not running,
/// `sip show registrations` reads the bindings it left: the store, and the journal written before each 200 OK.
enum SIPShowCommand {
    static func ask(_ options: DataOptions, _ command: String) throws -> PBXControlReply? {
        let settings = try options.settings().settings
        let path = settings.resolvedRunDir + "/pbx.sock"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let reply: PBXControlReply
        do {
            reply = try ControlClient(path: path, timeout: .seconds(5)).send(
                PBXControlRequest(command: command), as: PBXControlReply.self)
        } catch {
            return nil
        }
        if let error = reply.error { throw Failure("pbx: \(error)") }
        return reply
    }

    static func peers(_ options: DataOptions) throws -> String {
        guard let peers = try ask(options, "peers")?.peers else {
            throw Failure("the PBX is not running (start it with `castor run` or `castor pbx`)")
        }
        var rows: [[String]] = []
        for peer in peers {
            if peer.contacts.isEmpty {
                rows.append([peer.username, peer.context, "-", "-", "-", "UNREGISTERED", "-"])
            }
            for contact in peer.contacts {
                rows.append([
                    peer.username, peer.context, contact.contact, contact.source, contact.userAgent ?? "-",
                    contact.state, contact.rttMilliseconds.map { String(format: "%.1f ms", $0) } ?? "-",
                ])
            }
        }
        let online = peers.filter { !$0.contacts.isEmpty }.count
        return TextTable(
            header: ["LINE", "CONTEXT", "CONTACT", "SOURCE", "USER AGENT", "STATE", "RTT"], rows: rows
        ).render()
            + "\(peers.count) line\(peers.count == 1 ? "" : "s") [registered: \(online), unregistered: \(peers.count - online)]\n"
    }

    static func registrations(_ options: DataOptions) throws -> String {
        let now = Date().timeIntervalSince1970
        let rows: [[String]]
        if let peers = try ask(options, "registrations")?.peers {
            rows = peers.flatMap { peer in
                peer.contacts.map { [peer.username, $0.contact, $0.source, "\($0.expiresIn)s", $0.userAgent ?? "-"] }
            }
        } else {
            let (store, _) = try options.openStore()
            let bindings: [SIPBinding]
            do {
                bindings = try PBXService.bindings(store: store, unexpiredAt: now)
            } catch {
                throw Failure("\(error)")
            }
            rows = bindings.map { b in
                [
                    b.username, b.contact, "\(b.transport):\(b.sourceAddress):\(b.sourcePort)",
                    "\(Int(b.expiresAt - now))s", b.userAgent ?? "-",
                ]
            }
        }
        return TextTable(header: ["LINE", "CONTACT", "SOURCE", "EXPIRES", "USER AGENT"], rows: rows).render()
            + "\(rows.count) registration\(rows.count == 1 ? "" : "s")\n"
    }

    static func stats(_ options: DataOptions) throws -> String {
        guard let stats = try ask(options, "stats")?.stats else {
            throw Failure("the PBX is not running (start it with `castor run` or `castor pbx`)")
        }
        let rows = stats.keys.sorted().map { [$0, String(format: "%.0f", stats[$0] ?? 0)] }
        return TextTable(header: ["COUNTER", "VALUE"], rows: rows).render()
    }
}
