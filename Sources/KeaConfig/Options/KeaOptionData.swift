import CastorJSON

/// One configured option, already encoded to its wire payload (the bytes after code and length).
///
/// Built from an `option-data` entry and its definition: `{"name": "tftp-server-name", "data":
/// "http://10.20.0.1:8667/"}` becomes code 66 with the URL's bytes. A server sends it if the client asked for
/// it in option 55 or if ``alwaysSend`` is set (Kea 2.2 semantics; notes/kea-dhcp.md §2).
public struct KeaOptionData: Equatable, Sendable {
    public var code: UInt8
    /// `dhcp4` for a top-level option; another space for sub-options (`vendor-encapsulated-options-space`).
    public var space: String
    /// The definition's name, if the option has one.
    public var name: String?
    /// The payload: for an option that encapsulates a space, the sub-options of that space configured at the
    /// same level are appended (code, length, data each), as Kea does for option 43.
    public var data: [UInt8]
    public var alwaysSend: Bool
    /// Whether `data` was written as CSV text (`true`) or hex (`false`).
    public var csvFormat: Bool
    /// Where the `option-data` entry starts.
    public var position: JSONPosition

    public init(
        code: UInt8, space: String = "dhcp4", name: String? = nil, data: [UInt8], alwaysSend: Bool = false,
        csvFormat: Bool = true, position: JSONPosition
    ) {
        self.code = code
        self.space = space
        self.name = name
        self.data = data
        self.alwaysSend = alwaysSend
        self.csvFormat = csvFormat
        self.position = position
    }
}
