/// Which settings file a command reads (DESIGN.md §2, §4).
///
/// 1. an explicit `--config FILE` wins, whether or not it exists (loading then says why it cannot be read);
/// 2. else, with `--data-dir D`, `D/castor.yaml` if it exists — a test's data dir is self-contained, so
///    it never picks up the host's `/etc/castor/castor.yaml`;
/// 3. else, without `--data-dir`, `/etc/castor/castor.yaml` if it exists;
/// 4. else nil: run on the defaults.
///
/// ```swift
/// let path = SettingsLocation.path(config: nil, dataDir: "/tmp/lab") { FileManager.default.fileExists(atPath: $0) }
/// ```
public enum SettingsLocation {
    /// The appliance's settings file, as the Debian package installs it.
    public static let systemPath = "/etc/castor/castor.yaml"
    /// The settings file's name inside a data dir.
    public static let fileName = "castor.yaml"

    /// The settings file to load, or nil for the defaults. `fileExists` is injected so the precedence is
    /// testable without touching `/etc`.
    public static func path(config: String?, dataDir: String?, fileExists: (String) -> Bool) -> String? {
        if let config { return config }
        if let dataDir {
            let candidate = dataDir.hasSuffix("/") ? dataDir + fileName : dataDir + "/" + fileName
            return fileExists(candidate) ? candidate : nil
        }
        return fileExists(systemPath) ? systemPath : nil
    }
}
