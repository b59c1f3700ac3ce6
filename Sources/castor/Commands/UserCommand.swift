import ArgumentParser
import CastorCore
import CastorModel
import Foundation

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Users and their lines.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user with a SIP line (username = extension), its extension and a voicemail box.",
            discussion: "A strong secret is generated and printed when --secret is not given.")

        @OptionGroup var options: DataOptions
        @Option(help: "The user's name, e.g. \"Alice\".") var name: String
        @Option(help: "The context of the line, e.g. comptabilite.") var context: String
        @Option(help: "The extension, inside one of the context's user ranges.") var exten: String
        @Option(help: "The SIP secret (8+ printable characters).") var secret: String?
        @Option(help: "The user's email.") var email: String?

        func run() throws {
            let (store, _) = try options.openStore()
            let summary = try Failure.store { () throws(CastorError) in
                try store.addUser(name: name, context: context, exten: exten, secret: secret, email: email)
            }
            print(
                "user \(summary.user.name) (id \(summary.user.id ?? 0)): line \(summary.line?.username ?? exten)@\(context), extension \(exten)"
            )
            if secret == nil, let generated = summary.line?.secret { print("secret: \(generated)") }
            if let code = summary.line?.provisioningCode { print("provisioning code: \(code)") }
            options.notifyChanged()
        }
    }
}

struct LineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line", abstract: "SIP lines.", subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a line with its credentials.")

        @OptionGroup var options: DataOptions
        @Argument(help: "The line's extension (or username).") var exten: String
        @Option(help: "The context, when the extension exists in several.") var context: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let (store, _) = try options.openStore()
            let line = try Failure.store { () throws(CastorError) -> Line in
                do throws(CastorError) {
                    return try store.line(exten: exten, context: context)
                } catch {
                    guard case .notFound = error else { throw error }
                    if let match = try store.lines().first(where: { $0.username == exten }) { return match }
                    throw error
                }
            }
            if json {
                print(try JSONOutput.string(line))
                return
            }
            let device = try line.deviceID.map { id in
                try Failure.store { () throws(CastorError) in try store.device(id: id) }
            }
            let rows: [(String, String)] = [
                ("username", line.username), ("secret", line.secret), ("context", line.context),
                ("exten", line.exten ?? "-"), ("provisioning code", line.provisioningCode ?? "-"),
                ("codecs", line.codecs.joined(separator: ",")),
                ("transport", line.transport.rawValue), ("max contacts", String(line.maxContacts)),
                (
                    "device",
                    device.map { "\($0.mac) (\($0.vendor) \($0.model)), position \(line.position ?? 1)" } ?? "-"
                ),
            ]
            for (key, value) in rows { print(key.padding(toLength: 19, withPad: " ", startingAt: 0) + value) }
        }
    }
}

struct DeviceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: "Phones, by MAC address.", subcommands: [Add.self, Assign.self, Resync.self])

    /// `castor device assign MAC --line 1001`: binds a line to a phone — typically one that appeared unassigned
    /// (autoprov) when it first fetched its files — and asks it to resync so it fetches its credentials.
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bind a line (by extension) to a phone, and ask the phone to resync.",
            discussion: """
                The phone is usually known already: it appears as unassigned once it has fetched a file from castor                 provd. A phone not yet seen is created (give --model; D715 by default).
                """)

        @OptionGroup var options: DataOptions
        @Argument(help: "The phone's MAC address, in any common spelling.") var mac: String
        @Option(help: "The line to bind, by extension (e.g. 1001).") var line: String
        @Option(help: "The line key (position) on the phone. Default: the first free one.") var position: Int?
        @Option(help: "The model, for a phone not seen yet.") var model: String = "D715"

        func run() throws {
            let (store, _) = try options.openStore()
            let address: MACAddress
            do { address = try MACAddress(parsing: mac) } catch { throw Failure("mac: \(error)") }
            let device = try Failure.store { () throws(CastorError) -> Device in
                let lineID = try store.line(exten: line, context: nil).id ?? 0
                let existing: Device
                do throws(CastorError) {
                    existing = try store.device(mac: address.description)
                } catch {
                    guard case .notFound = error else { throw error }
                    existing = try store.createDevice(
                        Device(mac: address, vendor: Device.vendor(forModel: model, mac: address), model: model))
                }
                let bound = try store.bindLine(lineID: lineID, toDevice: existing.id ?? 0, position: position)
                return try store.requestResync(deviceID: bound.id ?? 0, at: Date().formatted(.iso8601))
            }
            let lines = device.lines.map { "line \($0.username ?? String($0.lineID)) at \($0.position)" }
            print(
                "device \(device.mac) (\(device.vendor) \(device.model)), \(device.state.rawValue): \(lines.joined(separator: ", ")); resync requested"
            )
            options.notifyChanged()
            options.pokeResync()
        }
    }

    /// `castor device resync MAC`: asks the phone to fetch its configuration again.
    struct Resync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask a phone to fetch its configuration again (recorded until it does).")

        @OptionGroup var options: DataOptions
        @Argument(help: "The phone's MAC address.") var mac: String

        func run() throws {
            let (store, _) = try options.openStore()
            let device = try Failure.store { () throws(CastorError) -> Device in
                let device = try store.device(mac: mac)
                return try store.requestResync(deviceID: device.id ?? 0, at: Date().formatted(.iso8601))
            }
            print("device \(device.mac): resync requested at \(device.resyncRequested ?? "?")")
            options.notifyChanged()
            options.pokeResync()
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a phone by MAC, optionally bound to a line (by extension).")

        @OptionGroup var options: DataOptions
        @Option(help: "The MAC address, in any common spelling.") var mac: String
        @Option(help: "The model, e.g. D715.") var model: String
        @Option(help: "The vendor. Default: guessed from the MAC's OUI and the model.") var vendor: String?
        @Option(help: "Bind this line (its extension) at position 1.") var line: String?

        func run() throws {
            let (store, _) = try options.openStore()
            let address: MACAddress
            do { address = try MACAddress(parsing: mac) } catch { throw Failure("mac: \(error)") }
            let device = try Failure.store { () throws(CastorError) -> Device in
                var lines: [DeviceLine] = []
                if let line {
                    guard let id = try store.line(exten: line, context: nil).id else {
                        throw .notFound(kind: "line", key: line)
                    }
                    lines = [DeviceLine(position: 1, lineID: id)]
                }
                let vendor = vendor ?? Device.vendor(forModel: model, mac: address)
                return try store.createDevice(Device(mac: address, vendor: vendor, model: model, lines: lines))
            }
            let bound = device.lines.map { "line \($0.username ?? String($0.lineID)) at \($0.position)" }
            print(
                "device \(device.mac) (\(device.vendor) \(device.model)), \(device.state.rawValue)\(bound.isEmpty ? "" : ": " + bound.joined(separator: ", "))"
            )
            options.notifyChanged()
        }
    }
}

struct ContextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context", abstract: "Dial-plan contexts.", subcommands: [Include.self])

    struct Include: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let the lines of one context call into another (XiVO's included context).")

        @OptionGroup var options: DataOptions
        @Argument(help: "The context that gains the route, e.g. comptabilite.") var from: String
        @Argument(help: "The context it may now call, e.g. administratif.") var to: String

        func run() throws {
            let (store, _) = try options.openStore()
            let context = try Failure.store { () throws(CastorError) in try store.include(to, in: from) }
            print("context \(context.name) includes: \(context.includes.joined(separator: ", "))")
            options.notifyChanged()
        }
    }
}

/// Pretty JSON with sorted keys and ISO 8601 dates, as the API writes it.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
