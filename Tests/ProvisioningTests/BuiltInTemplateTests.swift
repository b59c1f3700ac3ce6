import Foundation
import Testing

@testable import Provisioning

/// The templates shipped in templates/: each parses, and no XML one writes a value unescaped.
@Suite struct BuiltInTemplateTests {
    static let root = LabFixture.repositoryRoot.appendingPathComponent("templates")

    static let templatePaths: [String] = {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") }.sorted()
    }()

    @Test func templatesAreShipped() {
        #expect(
            Self.templatePaths == [
                "snom/base/device.htm.mustache", "snom/base/device.xml.mustache", "snom/base/firmware.xml.mustache",
                "snom/base/general.xml.mustache", "snom/base/model.htm.mustache", "snom/base/model.xml.mustache",
                "yealink/base/device.cfg.mustache", "yealink/base/model.cfg.mustache",
            ])
    }

    @Test(arguments: templatePaths) func parsesAndEscapes(_ path: String) throws {
        let source = try #require(try LabFixture.builtInTemplates.template(at: path))
        let format: TemplateFormat = path.contains(".cfg.") ? .text : .xml
        _ = try TemplateCompiler.compile(source, format: format)
        if format == .xml {
            #expect(!source.text.contains("{{{") && !source.text.contains("{{&"), "\(path) writes a value unescaped")
        }
    }
}
