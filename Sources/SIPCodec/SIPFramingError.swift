/// Why a stream cannot be cut into messages. Every case is fatal to the connection: after one, the framer
/// keeps throwing it, and the transport closes the stream (RFC 3261 §18.3; RFC 4475 §3.1.2.3, §3.3.9).
public struct SIPFramingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the stream.
    public enum Kind: Hashable, Sendable {
        /// A message without Content-Length, which is mandatory on streams (RFC 3261 §18.3, §20.14).
        case missingContentLength
        /// Content-Length is not a decimal number.
        case invalidContentLength
        /// Several Content-Length fields.
        case multipleContentLength
        /// No empty line within the maximum message size.
        case headerSectionTooLarge
        /// Header section and Content-Length together exceed the maximum message size.
        case messageTooLarge
        /// A CR not followed by LF between messages.
        case invalidLineEnding
    }

    public var kind: Kind
    /// Offset of the offending message's first byte in the stream since the framer was created.
    public var streamOffset: Int
    public var detail: String

    public init(_ kind: Kind, streamOffset: Int, _ detail: String) {
        self.kind = kind
        self.streamOffset = streamOffset
        self.detail = detail
    }

    public var description: String { "SIP stream, message at byte \(streamOffset): \(detail)" }
}
