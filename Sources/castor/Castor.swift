import ArgumentParser

/// `castor`: the lab VoIP appliance in one executable. Each daemon is a sub-command that runs in the
/// foreground; `castor run` supervises them; the rest is the CLI face of the data model.
@main
struct Castor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "castor",
        abstract: "Castor: a lab VoIP appliance (PBX, DHCP, phone provisioning) in one command.",
        version: CastorVersion.string,
        subcommands: [
            Run.self, Status.self, Service.self, API.self, DHCP.self, Provd.self, PBX.self, Lab.self, UserCommand.self,
            LineCommand.self,
            DeviceCommand.self, ContextCommand.self, Admin.self, Console.self,
        ])
}

enum CastorVersion {
    static let string = "0.1.0"
}
