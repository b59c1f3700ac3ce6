/// Several sources searched in order, the first that has the path winning: site overrides before built-ins.
public struct LayeredTemplateSource: TemplateSource {
    public var layers: [any TemplateSource]

    public init(_ layers: [any TemplateSource]) {
        self.layers = layers
    }

    public func template(at path: String) throws(ProvisioningError) -> TemplateText? {
        for layer in layers {
            if let found = try layer.template(at: path) { return found }
        }
        return nil
    }
}
