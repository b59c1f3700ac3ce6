import CastorCore
import Foundation
import Testing

@testable import Provisioning

/// Which template renders a file: per-file beats model beats base, site folders before built-ins.
@Suite struct TemplateChainTests {
    static let macFile = "snom/000413AABB01.xml.mustache"
    static let modelFile = "snom/D715/device.xml.mustache"
    static let baseFile = "snom/base/device.xml.mustache"

    func render(_ templates: [String: String], file: String = "000413AABB01.xml") throws -> RenderedFile {
        let renderer = ProvisioningRenderer(site: LabFixture.site, templates: InMemoryTemplateSource(templates))
        return try renderer.render(fileNamed: file, plugin: "snom", profile: LabFixture.labProfiles()[LabFixture.snom1])
    }

    @Test func perMACBeatsModelBeatsBase() throws {
        let all = [Self.macFile: "mac {{mac_upper}}", Self.modelFile: "model {{model}}", Self.baseFile: "base"]
        #expect(try render(all).text == "mac 000413AABB01")
        #expect(try render(all).templateOrigin == "memory:" + Self.macFile)
        #expect(try render(all.filter { $0.key != Self.macFile }).text == "model D715")
        #expect(try render([Self.baseFile: "base"]).text == "base")
        // Another phone's override is not this phone's.
        #expect(try render(["snom/000413AABB02.xml.mustache": "not mine", Self.baseFile: "base"]).text == "base")
    }

    @Test func chainPaths() throws {
        let file = try #require(SnomPlugin().file(named: "snom715-000413aabb01.htm"))
        #expect(file.name == "snom715-000413AABB01.htm")
        #expect(
            TemplateChain(file: file, model: "D715").paths == [
                "snom/snom715-000413AABB01.htm.mustache", "snom/D715/device.htm.mustache",
                "snom/base/device.htm.mustache",
            ])
        // A model that is not a safe folder name is skipped, never joined into a path.
        #expect(TemplateChain(file: file, model: "../etc").paths.count == 2)
    }

    @Test func missingTemplateSaysWhereItLooked() throws {
        #expect(
            throws: ProvisioningError.templateNotFound(
                file: "000413AABB01.xml", searched: [Self.macFile, Self.modelFile, Self.baseFile])
        ) {
            try render([:])
        }
    }

    @Test func syntaxErrorsNameFileLineAndColumn() throws {
        let error = #expect(throws: ProvisioningError.self) {
            try render([Self.baseFile: "<a>\n  {{#lines}}\n</a>\n"])
        }
        guard case .templateSyntax(let path, let line, _, _) = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(path == "memory:" + Self.baseFile)
        #expect(line >= 2)
    }

    @Test func theTextPragmaDoesNotShiftLineNumbers() {
        let source = TemplateText(text: "a = 1\nb = {{#x}}\nc = 3\n", origin: "memory:t")
        var lines: [Int] = []
        for format in [TemplateFormat.xml, .text] {
            do {
                _ = try TemplateCompiler.compile(source, format: format)
            } catch {
                if case .templateSyntax(_, let line, _, _) = error { lines.append(line) }
            }
        }
        #expect(lines.count == 2 && lines.first == lines.last, "\(lines)")
    }

    @Test func unsafePathsAreRefusedBeforeAnyRead() {
        let source = DirectoryTemplateSource(directories: ["/"])
        for path in ["../etc/passwd", "/etc/passwd", "snom/../../x", "snom//x", "snom\\x", "", "a/./b", "x\0y"] {
            #expect(throws: ProvisioningError.unsafeTemplatePath(path)) { try source.template(at: path) }
        }
    }

    @Test func directoriesAreSearchedInOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("castor-templates-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let builtIn = root.appendingPathComponent("builtin")
        for (directory, path, text) in [
            (builtIn, Self.baseFile, "built-in base"), (builtIn, Self.modelFile, "built-in model"),
            (site, Self.baseFile, "site base"), (site, Self.macFile, "site mac"),
        ] {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        // A folder where a template is expected is not a template.
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("snom/D715/device.htm.mustache"), withIntermediateDirectories: true)

        let source = DirectoryTemplateSource(directories: [site.path, builtIn.path])
        #expect(try source.template(at: Self.baseFile)?.text == "site base")
        #expect(try source.template(at: Self.modelFile)?.text == "built-in model")
        #expect(try source.template(at: "snom/D715/device.htm.mustache") == nil)
        #expect(try source.template(at: "snom/nothing.mustache") == nil)

        let renderer = ProvisioningRenderer(site: LabFixture.site, templates: source)
        let profile = try LabFixture.labProfiles()[LabFixture.snom1]
        let rendered = try renderer.render(fileNamed: "000413AABB01.xml", plugin: "snom", profile: profile)
        #expect(rendered.text == "site mac")
        #expect(rendered.templateOrigin == site.appendingPathComponent(Self.macFile).path)
        // Levels first: the built-in model template beats the site's base one.
        let other = try renderer.render(
            fileNamed: "000413AABB02.xml", plugin: "snom",
            profile: .autoprov(mac: LabFixture.snom2, vendor: "Snom", model: "D715"))
        #expect(other.text == "built-in model")
    }

    @Test func layeredSources() throws {
        let source = LayeredTemplateSource([
            InMemoryTemplateSource(["a/b.mustache": "first"]),
            InMemoryTemplateSource(["a/b.mustache": "second", "a/c.mustache": "only"]),
        ])
        #expect(try source.template(at: "a/b.mustache")?.text == "first")
        #expect(try source.template(at: "a/c.mustache")?.text == "only")
    }
}
