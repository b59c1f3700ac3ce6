/// How sure a plugin is that it serves the device behind a request, as wazo-provd's `pg_associator` grades it
/// (`devices/pgasso.py`). The identifier picks the plugin with the highest grade; ties go to the plugin listed
/// first.
public enum DeviceSupport: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// The request could be this vendor's but nothing says so (a bare `<MAC>.xml` from an unknown OUI).
    case improbable = 1
    /// A file name or OUI of this vendor, or a User-Agent naming a model the plugin does not know.
    case probable = 2
    /// The User-Agent names a model the plugin knows.
    case complete = 3

    public static func < (lhs: DeviceSupport, rhs: DeviceSupport) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .improbable: "improbable"
        case .probable: "probable"
        case .complete: "complete"
        }
    }
}
