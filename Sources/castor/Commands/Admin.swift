import ArgumentParser
import CastorCore
import CastorModel
import Foundation

struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The administrator account of the API and web admin.", subcommands: [Password.self])

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the admin password (creates the account). A strong one is generated when none is given.")

        @OptionGroup var options: DataOptions
        @Option(help: "The account name. Default: api.admin_user from castor.yaml (admin).") var user: String?
        @Option(help: "The new password (at least 8 characters). Prefer --password-stdin.") var password: String?
        @Flag(help: "Read the password from standard input.") var passwordStdin = false

        func run() throws {
            let (store, settings) = try options.openStore()
            var newPassword = password
            if passwordStdin { newPassword = readLine(strippingNewline: true) }
            let generated = newPassword == nil
            let chosen = newPassword ?? SecretGenerator.secret(length: 20)
            guard chosen.count >= 8 else { throw Failure("password: must be at least 8 characters") }
            let username = user ?? settings.api.adminUser
            try Failure.store { () throws(CastorError) in
                try store.setAdminPassword(username: username, password: chosen)
            }
            let file = AdminSetup.passwordFile(dataDir: settings.dataDir)
            if generated {
                try AdminSetup.write(password: chosen, to: file)
                print("admin \"\(username)\": new password written to \(file)")
                print(chosen)
            } else {
                // The old generated password must not linger on disk.
                try? FileManager.default.removeItem(atPath: file)
                print("admin \"\(username)\": password set")
            }
        }
    }
}
