import Foundation

/// The checked-in OpenAPI 3.0.3 description of the admin API (`Sources/CastorAdminAPI/openapi.yaml`),
/// served at `GET /api/openapi.yaml` and checked against the router by the tests.
///
/// ```swift
/// let yaml = OpenAPIDocument.bundled.map { String(decoding: $0, as: UTF8.self) }
/// ```
public enum OpenAPIDocument {
    /// The resource bundle SwiftPM builds beside the executable; an installation must copy it there too.
    static let bundleName = "castor_CastorAdminAPI.resources"

    /// The document's bytes from the module's resource bundle, or nil if it cannot be found.
    ///
    /// SwiftPM's `Bundle.module` traps when the bundle is missing, so it is only asked once the bundle is
    /// known to sit beside the executable; otherwise the source tree's copy (development builds) is tried,
    /// and a missing document costs a 500 on one route rather than the whole API.
    public static var bundled: [UInt8]? {
        let besideExecutable = Bundle.main.bundleURL.appendingPathComponent(bundleName)
        let url: URL?
        if FileManager.default.fileExists(atPath: besideExecutable.path) {
            url = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
        } else {
            url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("openapi.yaml")
        }
        guard let url, let data = try? Data(contentsOf: url) else { return nil }
        return Array(data)
    }
}
