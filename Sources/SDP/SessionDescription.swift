/// A session description (RFC 8866): the session-level lines, then one ``MediaDescription`` per m= line.
///
/// ```
/// v=0                                                   version, always 0
/// o=alice 2890844526 2890844526 IN IP4 192.0.2.10       origin (SDPOrigin)
/// s=-                                                   session name
/// i=… u=… e=… p=…                                       kept as written
/// c=IN IP4 192.0.2.10                                   connection (SDPConnection)
/// b=AS:64                                               bandwidths
/// t=0 0                                                 timing, with its r= lines
/// z=… k=…                                               kept as written
/// a=…                                                   session attributes, in order
/// m=audio 49170 RTP/AVP 0 101                           media, each with its i= c= b= k= a= lines
/// ```
///
/// ``init(parsing:)`` is total: it throws ``SDPParseError`` naming the line for what RFC 8866 §5 calls
/// malformed, and keeps every line it does not interpret so that ``serialized()`` writes it back, in CRLF, in
/// RFC 8866's order: `SessionDescription(parsing: d.serialized()) == d`.
///
/// ```swift
/// let offer = try SessionDescription(parsing: request.body)
/// let audio = offer.media.first { $0.media == "audio" }
/// offer.connection(for: audio!)?.address          // "192.0.2.10"
/// ```
public struct SessionDescription: Hashable, Sendable {
    /// The v= line's value; RFC 8866 defines only 0.
    public var version: Int
    public var origin: SDPOrigin
    /// The s= line; RFC 8866 §5.3 suggests `-` or a single space when there is no name.
    public var sessionName: String
    /// The i= line.
    public var information: String?
    /// The u= line.
    public var uri: String?
    /// The e= lines.
    public var emails: [String]
    /// The p= lines.
    public var phones: [String]
    /// The session-level c= line, the default of every stream without its own.
    public var connection: SDPConnection?
    /// The session-level b= lines.
    public var bandwidths: [SDPBandwidth]
    /// The t= lines (at least one on the wire), each with its r= lines.
    public var timing: [SDPTiming]
    /// The z= line, as written.
    public var timeZones: String?
    /// The session-level k= line, obsolete (RFC 8866 §5.12) and kept as written.
    public var encryptionKey: String?
    /// The session-level a= lines, in order.
    public var attributes: [SDPAttribute]
    public var media: [MediaDescription]

    public init(
        version: Int = 0, origin: SDPOrigin, sessionName: String = "-", information: String? = nil,
        uri: String? = nil, emails: [String] = [], phones: [String] = [], connection: SDPConnection? = nil,
        bandwidths: [SDPBandwidth] = [], timing: [SDPTiming] = [SDPTiming()], timeZones: String? = nil,
        encryptionKey: String? = nil, attributes: [SDPAttribute] = [], media: [MediaDescription] = []
    ) {
        self.version = version
        self.origin = origin
        self.sessionName = sessionName
        self.information = information
        self.uri = uri
        self.emails = emails
        self.phones = phones
        self.connection = connection
        self.bandwidths = bandwidths
        self.timing = timing
        self.timeZones = timeZones
        self.encryptionKey = encryptionKey
        self.attributes = attributes
        self.media = media
    }
}
