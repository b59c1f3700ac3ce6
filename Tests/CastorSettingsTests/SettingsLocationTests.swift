import Testing

@testable import CastorSettings

@Suite("Where settings come from")
struct SettingsLocationTests {
    private func exists(_ paths: Set<String>) -> (String) -> Bool { { paths.contains($0) } }

    @Test("an explicit --config wins, even over an existing data dir file, even if it does not exist")
    func configWins() {
        let everything = exists(["/tmp/d/castor.yaml", "/etc/castor/castor.yaml"])
        #expect(SettingsLocation.path(config: "/x.yaml", dataDir: "/tmp/d", fileExists: everything) == "/x.yaml")
        #expect(SettingsLocation.path(config: "/x.yaml", dataDir: nil, fileExists: exists([])) == "/x.yaml")
    }

    @Test("with --data-dir, the data dir's castor.yaml, and never /etc")
    func dataDir() {
        let both = exists(["/tmp/d/castor.yaml", "/etc/castor/castor.yaml"])
        #expect(SettingsLocation.path(config: nil, dataDir: "/tmp/d", fileExists: both) == "/tmp/d/castor.yaml")
        #expect(SettingsLocation.path(config: nil, dataDir: "/tmp/d/", fileExists: both) == "/tmp/d/castor.yaml")
        let onlyEtc = exists(["/etc/castor/castor.yaml"])
        #expect(SettingsLocation.path(config: nil, dataDir: "/tmp/d", fileExists: onlyEtc) == nil)
    }

    @Test("without flags, /etc/castor/castor.yaml if it exists, else the defaults")
    func system() {
        let onlyEtc = exists(["/etc/castor/castor.yaml"])
        #expect(SettingsLocation.path(config: nil, dataDir: nil, fileExists: onlyEtc) == "/etc/castor/castor.yaml")
        #expect(SettingsLocation.path(config: nil, dataDir: nil, fileExists: exists([])) == nil)
    }

    @Test("a --data-dir flag overrides data_dir, and an empty run_dir follows it")
    func flagsWin() throws {
        let settings = try Settings.parse(yaml: "data_dir: /srv/castor\n", file: "castor.yaml")
        #expect(settings.applying(dataDir: nil) == settings)
        let flagged = settings.applying(dataDir: "/tmp/lab")
        #expect(flagged.dataDir == "/tmp/lab")
        #expect(flagged.resolvedRunDir == "/tmp/lab/run")
        #expect(Settings().applying(dataDir: "/tmp/lab/").resolvedRunDir == "/tmp/lab/run")

        let pinned = try Settings.parse(yaml: "run_dir: /run/castor\n", file: "castor.yaml")
        #expect(pinned.applying(dataDir: "/tmp/lab").resolvedRunDir == "/run/castor")
    }
}
