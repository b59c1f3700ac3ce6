/// A media description (RFC 8866 §5.14): one stream, from its m= line to the next m= line or the end.
///
/// ```
/// m=audio 49170 RTP/AVP 0 8 101
///   \___/ \___/ \_____/ \_____/
///   media  port  proto  formats (RTP payload types)
/// i=…  c=…  b=…  k=…  a=…                 (the lines that follow, kept in that order)
/// ```
///
/// Port 0 marks a stream that is disabled or rejected (RFC 3264 §6). The typed views over the attributes
/// live in `MediaDescription+Attributes.swift` and `MediaDescription+Formats.swift`.
///
/// ```swift
/// let audio = description.media[0]
/// audio.mediaFormats.map(\.codec)       // [PCMU/8000, PCMA/8000, telephone-event/8000]
/// audio.direction                       // .sendonly, or nil when the line has none
/// ```
public struct MediaDescription: Hashable, Sendable {
    /// `audio`, `video`, `text`, `application`, `message`, `image`…
    public var media: String
    /// The transport port; 0 for a disabled or rejected stream.
    public var port: Int
    /// The number of consecutive ports (`m=video 49170/2 …`), when given.
    public var portCount: Int?
    /// The transport protocol: `RTP/AVP`, `RTP/SAVP`, `RTP/AVPF`, `UDP/TLS/RTP/SAVPF`, `udptl`…
    public var proto: String
    /// The media formats as written: RTP payload type numbers for the RTP profiles.
    public var formats: [String]
    /// The i= line (the media title).
    public var information: String?
    /// The c= lines of this stream (several only for multicast layers); empty when the session's applies.
    public var connections: [SDPConnection]
    /// The b= lines.
    public var bandwidths: [SDPBandwidth]
    /// The k= line, obsolete (RFC 8866 §5.12) and kept as written.
    public var encryptionKey: String?
    /// The a= lines, in order.
    public var attributes: [SDPAttribute]

    public init(
        media: String, port: Int, portCount: Int? = nil, proto: String, formats: [String],
        information: String? = nil, connections: [SDPConnection] = [], bandwidths: [SDPBandwidth] = [],
        encryptionKey: String? = nil, attributes: [SDPAttribute] = []
    ) {
        self.media = media
        self.port = port
        self.portCount = portCount
        self.proto = proto
        self.formats = formats
        self.information = information
        self.connections = connections
        self.bandwidths = bandwidths
        self.encryptionKey = encryptionKey
        self.attributes = attributes
    }

    /// Parses the value of an m= line: `media port[/number] proto 1*(SP fmt)`. The lines after it are added
    /// by ``SessionDescription/init(parsing:)``.
    public init(parsing text: String) throws(SDPParseError) {
        let fields = SDPText.fields(text)
        guard fields.count >= 3, SDPText.isToken(fields[0]) else {
            throw SDPParseError(.invalidMedia, text: text, "expected media port proto fmt… (RFC 8866 §5.14)")
        }
        guard fields.count >= 4 else {
            throw SDPParseError(.invalidMedia, text: text, "an m= line needs at least one format (RFC 8866 §5.14)")
        }
        let portParts = fields[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let port = SDPText.integer(portParts[0], maximum: 65535) else {
            throw SDPParseError(
                .invalidMedia, text: text, "the port is not a number from 0 to 65535 (RFC 8866 §5.14)")
        }
        var portCount: Int?
        if portParts.count == 2 {
            guard let count = SDPText.integer(portParts[1], maximum: 65535), count > 0 else {
                throw SDPParseError(
                    .invalidMedia, text: text, "the number of ports is not a positive number (RFC 8866 §5.14)")
            }
            portCount = count
        }
        let proto = fields[2]
        guard proto.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(SDPText.isToken) else {
            throw SDPParseError(
                .invalidMedia, text: text, "the transport protocol is not token/token… (RFC 8866 §5.14)")
        }
        self.init(
            media: String(fields[0]), port: port, portCount: portCount, proto: String(proto),
            formats: fields.dropFirst(3).map(String.init))
    }

    /// The c= line of this stream, if it has one: the first when there are several.
    public var connection: SDPConnection? {
        get { connections.first }
        set { connections = newValue.map { [$0] } ?? [] }
    }

    /// The m= line's value as RFC 8866 §5.14 writes it.
    public var mediaLine: String {
        let port = portCount.map { "\(self.port)/\($0)" } ?? "\(self.port)"
        return ([media, port, proto] + formats).joined(separator: " ")
    }
}
