import Testing

@testable import CastorSettings

/// Kea's habit: every example configuration is loaded by a test, so the documentation cannot rot.
@Suite("appliance/castor.yaml.example")
struct SettingsExampleTests {
    @Test("loads, and gives exactly the defaults")
    func exampleIsTheDefaults() throws {
        #expect(try Settings.load(path: examplePath()) == Settings())
    }

    @Test("shows every key the loader knows, as a real key rather than in a comment")
    func exampleShowsEveryKey() throws {
        let text = try SettingsFile.contents(ofPath: examplePath())
        let present = try Settings.decode(yaml: text, file: "castor.yaml.example").presentKeyPaths
        let missing = Settings.knownKeyPaths.filter { !present.contains($0) }
        #expect(missing == [], "add these keys to appliance/castor.yaml.example")
        #expect(present == Settings.knownKeyPaths, "the example lists the keys in the loader's order")
    }
}
