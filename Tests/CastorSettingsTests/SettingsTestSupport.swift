@testable import CastorSettings

/// Parses `yaml` as `castor.yaml` and returns the error it raises, or nil when it parses.
func settingsError(_ yaml: String, file: String = "castor.yaml") -> SettingsError? {
    do {
        _ = try Settings.parse(yaml: yaml, file: file)
        return nil
    } catch {
        return error
    }
}

/// The repository's `appliance/castor.yaml.example`, found from this file's path
/// (`Tests/CastorSettingsTests/<file>` → `../../appliance/`).
func examplePath(testFile: String = #filePath) -> String {
    var components = testFile.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)
    return (components + ["appliance", "castor.yaml.example"]).joined(separator: "/")
}
