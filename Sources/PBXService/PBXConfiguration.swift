import CastorSettings
import PBXCore
import SIPAuth

/// What `castor pbx` runs with: castor.yaml's `pbx:` section, the data dir (TLS files) and the run dir
/// (control socket), turned into the engine's and the transport's settings.
public struct PBXConfiguration: Sendable {
    public var settings: Settings.PBX
    public var dataDir: String
    public var runDir: String
    /// The address phones reach the PBX at, written in the Via of the requests it sends (keepalives).
    public var advertisedHost: String

    public init(settings: Settings.PBX, dataDir: String, runDir: String, advertisedHost: String) {
        self.settings = settings
        self.dataDir = dataDir
        self.runDir = runDir
        self.advertisedHost = advertisedHost
    }

    public var registrar: RegistrarConfiguration {
        RegistrarConfiguration(
            realm: settings.realm, algorithms: settings.authAlgorithms.compactMap { try? DigestAlgorithm(parsing: $0) },
            nonceLifetime: .seconds(settings.nonceLifetime), authRetries: settings.authRetries,
            minExpires: settings.minExpires, maxExpires: settings.maxExpires, defaultExpires: settings.defaultExpires)
    }

    public var controlSocketPath: String { runDir + "/pbx.sock" }

    /// The address the media relay binds: `media_address`, else `listen` (`0.0.0.0`: every address).
    public var mediaBindAddress: String {
        settings.mediaAddress.isEmpty ? settings.listen : settings.mediaAddress
    }

    /// The address written in SDP: `media_address` or a specific `listen` address; nil when the relay listens
    /// on every address, where each call gets the address its INVITE was sent to (the one the phone reaches).
    public var mediaAnnouncedAddress: String? {
        mediaBindAddress == "0.0.0.0" ? nil : mediaBindAddress
    }

    /// The TLS certificate and key: configured, or `<data_dir>/tls/sip.crt` and `sip.key`.
    public var tlsFiles: (certificate: String, key: String) {
        (
            settings.tlsCertificate.isEmpty ? dataDir + "/tls/sip.crt" : settings.tlsCertificate,
            settings.tlsKey.isEmpty ? dataDir + "/tls/sip.key" : settings.tlsKey
        )
    }
}
