import CastorJSON

/// How an option's `data` text becomes bytes: Kea's `option-def` entry, or one of its standard definitions.
///
/// ```json
/// {"name": "tftp-server-address", "code": 150, "type": "ipv4-address", "array": true}
/// {"name": "sip-server", "code": 120, "type": "record", "record-types": "uint8, ipv4-address", "array": true}
/// ```
///
/// For a `record` with `array: true` the last field repeats, which is what RFC 3361's option 120 needs
/// (an encoding byte followed by one or more addresses).
public struct KeaOptionDefinition: Equatable, Sendable {
    public var name: String
    public var code: UInt8
    public var type: KeaOptionType
    public var isArray: Bool
    /// The fields of a `record`, in order; empty for other types.
    public var recordTypes: [KeaOptionType]
    /// The option space the definition lives in, `dhcp4` for top-level options.
    public var space: String
    /// The space of sub-options this option carries (`vendor-encapsulated-options-space` for 43), or "".
    public var encapsulate: String
    /// Where a user definition was written; `nil` for Kea's standard definitions.
    public var position: JSONPosition?

    public init(
        name: String, code: UInt8, type: KeaOptionType, isArray: Bool = false, recordTypes: [KeaOptionType] = [],
        space: String = "dhcp4", encapsulate: String = "", position: JSONPosition? = nil
    ) {
        self.name = name
        self.code = code
        self.type = type
        self.isArray = isArray
        self.recordTypes = recordTypes
        self.space = space
        self.encapsulate = encapsulate
        self.position = position
    }
}
