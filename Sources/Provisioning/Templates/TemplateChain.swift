/// The template paths tried for a file, most specific first (wazo-provd's `<device file>.tpl`, `<model>.tpl`,
/// `base.tpl`): the first path any directory of the source has wins.
///
/// For `000413AABB01.xml` of a Snom D715:
/// 1. `snom/000413AABB01.xml.mustache` — this one file (one phone's override)
/// 2. `snom/D715/device.xml.mustache` — the model's template
/// 3. `snom/base/device.xml.mustache` — the vendor's template
///
/// Levels come first, folders second: a site's `snom/base/…` does not beat a built-in `snom/D715/…`.
/// Castor's built-in templates therefore live in `base/` only, and model folders are the site's to add.
public struct TemplateChain: Sendable, Equatable {
    public var paths: [String]

    public init(file: ProvisioningFile, model: String?) {
        var paths: [String] = []
        if TemplatePath.isSafeSegment(file.name) {
            paths.append("\(file.plugin)/\(file.name).mustache")
        }
        if let model, TemplatePath.isSafeSegment(model) {
            paths.append("\(file.plugin)/\(model)/\(file.template).mustache")
        }
        paths.append("\(file.plugin)/base/\(file.template).mustache")
        self.paths = paths
    }

    /// The first template of the chain that `source` has.
    public func resolve(in source: any TemplateSource) throws(ProvisioningError) -> TemplateText? {
        for path in paths {
            if let found = try source.template(at: path) { return found }
        }
        return nil
    }
}
