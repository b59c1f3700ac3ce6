import CastorCore
import Mustache

/// Renders provisioning files: the one place that decides whose data goes into which file.
///
/// A common file is rendered from the site alone. A device's file is rendered only from the profile of the
/// device it is named after — any other profile is refused with `wrongDevice` — so the server cannot leak one
/// phone's credentials into another's file, however it looks profiles up.
///
/// ```swift
/// let renderer = ProvisioningRenderer(site: site, templates: DirectoryTemplateSource(directories: folders))
/// let identity = renderer.identify(request)
/// let stored = identity.mac.flatMap(store.profile(mac:))      // the caller's lookup
/// guard let file = renderer.file(named: identity.fileName, plugin: stored?.device.plugin ?? identity.plugin)
/// else { return .notFound }                                   // firmware images etc. are served statically
/// let rendered: RenderedFile
/// if let mac = file.mac {
///     guard identity.conflictingMAC == nil else { return .forbidden }
///     rendered = try renderer.render(file, for: stored ?? .autoprov(
///         mac: mac, vendor: identity.vendor ?? "", model: identity.model ?? file.model ?? "", plugin: file.plugin))
/// } else {
///     rendered = try renderer.renderCommon(file)
/// }
/// if rendered.isSensitive { logger.notice("provd.sensitive_fetch", metadata: …) }
/// ```
public struct ProvisioningRenderer: Sendable {
    public var site: ProvisioningSite
    public var templates: any TemplateSource
    public var plugins: [any ProvisioningPlugin]

    public init(
        site: ProvisioningSite, templates: any TemplateSource,
        plugins: [any ProvisioningPlugin] = ProvisioningPlugins.standard
    ) {
        self.site = site
        self.templates = templates
        self.plugins = plugins
    }

    /// Every plugin's vote on the request, merged (see `DeviceIdentifier`).
    public func identify(_ request: ProvisioningRequest) -> RequestIdentity {
        DeviceIdentifier(plugins: plugins).identify(request)
    }

    public func plugin(named name: String) -> (any ProvisioningPlugin)? {
        plugins.first { $0.name == name }
    }

    /// What `fileName` is to plugin `pluginName`, or nil when it does not serve it (or no such plugin exists).
    public func file(named fileName: String, plugin pluginName: String?) -> ProvisioningFile? {
        guard let pluginName, let plugin = plugin(named: pluginName) else { return nil }
        return plugin.file(named: fileName)
    }

    /// Renders a file shared by every phone of its model. Refuses a per-device file.
    public func renderCommon(_ file: ProvisioningFile) throws(ProvisioningError) -> RenderedFile {
        guard file.mac == nil else { throw .needsDeviceProfile(file: file.name) }
        let plugin = try self.plugin(for: file)
        let firmware = file.model.flatMap { plugin.firmware(forModel: $0, among: site.firmwareFiles) }
        if file.requiresFirmware && firmware == nil { throw .noFirmware(file: file.name, model: file.model) }
        let context = ProvisioningContext.common(
            file: file, plugin: plugin.name, model: file.model, site: site, firmware: firmware)
        return try render(file, context: context, plugin: plugin)
    }

    /// Renders `file`, which must be `profile`'s own (`wrongDevice` otherwise). A profile with no line renders
    /// with no credentials of anyone.
    public func render(_ file: ProvisioningFile, for profile: DeviceProfile) throws(ProvisioningError) -> RenderedFile {
        guard let fileMAC = file.mac else { return try renderCommon(file) }
        guard fileMAC == profile.mac else {
            throw .wrongDevice(file: file.name, fileMAC: fileMAC, profileMAC: profile.mac)
        }
        let plugin = try self.plugin(for: file)
        // The store knows the model better than a file name does; fall back to the name's.
        let model = plugin.canonicalModel(profile.device.model) ?? file.model
        let firmware = model.flatMap { plugin.firmware(forModel: $0, among: site.firmwareFiles) }
        if file.requiresFirmware && firmware == nil { throw .noFirmware(file: file.name, model: model) }
        let context = ProvisioningContext.device(
            file: file, plugin: plugin.name, model: model, profile: profile, site: site, firmware: firmware)
        return try render(file, context: context, plugin: plugin)
    }

    /// Renders a file by name, for tools and tests: a common file, or `profile`'s own.
    public func render(fileNamed fileName: String, plugin pluginName: String, profile: DeviceProfile?)
        throws(ProvisioningError) -> RenderedFile
    {
        guard let plugin = plugin(named: pluginName) else { throw .unknownPlugin(pluginName) }
        guard let file = plugin.file(named: fileName) else { throw .notServed(file: fileName, plugin: pluginName) }
        if let fileMAC = file.mac {
            let profile =
                profile ?? .autoprov(mac: fileMAC, vendor: plugin.vendor, model: file.model ?? "", plugin: plugin.name)
            return try render(file, for: profile)
        }
        return try renderCommon(file)
    }

    private func plugin(for file: ProvisioningFile) throws(ProvisioningError) -> any ProvisioningPlugin {
        guard let plugin = plugin(named: file.plugin) else { throw .unknownPlugin(file.plugin) }
        return plugin
    }

    private func render(_ file: ProvisioningFile, context: ProvisioningContext, plugin: any ProvisioningPlugin)
        throws(ProvisioningError) -> RenderedFile
    {
        var context = context
        plugin.decorate(&context, for: file)
        let chain = TemplateChain(file: file, model: context.model)
        guard let source = try chain.resolve(in: templates) else {
            throw .templateNotFound(file: file.name, searched: chain.paths)
        }
        let template = try TemplateCompiler.compile(source, format: file.format)
        let text = template.render(context.mustacheValue)
        let credentials = context.device.map { !$0.lines.isEmpty || $0.adminPassword != nil } ?? false
        return RenderedFile(
            name: file.name, bytes: Array(text.utf8), contentType: file.format.contentType,
            isSensitive: file.isSensitive, carriesCredentials: credentials, templateOrigin: source.origin)
    }
}
