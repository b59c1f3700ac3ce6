/// A rendered provisioning file, ready to send over HTTP or TFTP.
public struct RenderedFile: Sendable, Equatable {
    /// The canonical file name.
    public var name: String
    /// UTF-8 bytes.
    public var bytes: [UInt8]
    /// `application/xml` or `text/plain`.
    public var contentType: String
    /// The file name says it may carry credentials (log every fetch).
    public var isSensitive: Bool
    /// This rendering did put a line's password or the admin password in it.
    public var carriesCredentials: Bool
    /// Where the template came from, for logs (`/etc/castor/templates/snom/000413AABB01.xml.mustache`).
    public var templateOrigin: String

    public init(
        name: String, bytes: [UInt8], contentType: String, isSensitive: Bool, carriesCredentials: Bool,
        templateOrigin: String
    ) {
        self.name = name
        self.bytes = bytes
        self.contentType = contentType
        self.isSensitive = isSensitive
        self.carriesCredentials = carriesCredentials
        self.templateOrigin = templateOrigin
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
