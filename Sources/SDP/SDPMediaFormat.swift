/// One RTP payload format of a stream, as offered (RFC 3264 §5.1): its payload type, the codec its rtpmap
/// names (or RFC 3551's static assignment), and its format parameters.
///
/// ```
/// m=audio 49170 RTP/AVP 0 101
/// a=rtpmap:101 telephone-event/8000     → SDPMediaFormat(payloadType: 101, codec: .telephoneEvent,
/// a=fmtp:101 0-16                                          fmtp: "0-16")
/// ```
public struct SDPMediaFormat: Hashable, Sendable {
    /// The RTP payload type, 0 to 127.
    public var payloadType: UInt8
    /// The codec, or nil for a dynamic payload type without a (valid) rtpmap.
    public var codec: SDPCodec?
    /// The a=fmtp value after the payload type, as written.
    public var fmtp: String?

    public init(payloadType: UInt8, codec: SDPCodec?, fmtp: String? = nil) {
        self.payloadType = payloadType
        self.codec = codec
        self.fmtp = fmtp
    }
}
