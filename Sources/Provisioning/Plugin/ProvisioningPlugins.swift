/// The plugins Castor ships, in the order ties between their votes are broken.
public enum ProvisioningPlugins {
    public static let standard: [any ProvisioningPlugin] = [SnomPlugin(), YealinkPlugin()]

    /// The plugin called `name` among `plugins`.
    public static func named(_ name: String, in plugins: [any ProvisioningPlugin] = standard)
        -> (any ProvisioningPlugin)?
    {
        plugins.first { $0.name == name }
    }
}
