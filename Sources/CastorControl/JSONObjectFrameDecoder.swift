import NIOCore

/// Frames Kea's control-channel requests: the client sends one JSON value with no terminator, so a request
/// ends where its outermost `{…}` (or `[…]`) closes. Strings (with `\"` escapes) and Kea's comments (`#`,
/// `//`, `/* */`, allowed in commands) are skipped while counting brackets. A request that does not start
/// with `{` or `[` is passed on as it is, so the command processor answers it with Kea's parse error
/// ("invalid first character n"); so is a partial request when the client half-closes.
struct JSONObjectFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    struct RequestTooLong: Error {}

    let maximumLength: Int

    private enum Lexer {
        case code
        case string(escaped: Bool)
        case lineComment
        case blockComment(sawStar: Bool)
        case slash
    }

    /// Where the scan stopped, so bytes that arrive later are not scanned again.
    private var scanned = 0
    private var depth = 0
    private var started = false
    private var lexer = Lexer.code

    init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let bytes = buffer.readableBytesView
        var index = bytes.startIndex + scanned
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if step(byte) {
                let length = index - bytes.startIndex
                guard let frame = buffer.readSlice(length: length) else { return .needMoreData }
                reset()
                context.fireChannelRead(Self.wrapInboundOut(frame))
                return .continue
            }
        }
        scanned = index - bytes.startIndex
        if buffer.readableBytes > maximumLength { throw RequestTooLong() }
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if buffer.readableBytesView.contains(where: { !Self.isSpace($0) }),
            let rest = buffer.readSlice(length: buffer.readableBytes)
        {
            context.fireChannelRead(Self.wrapInboundOut(rest))
        }
        return .needMoreData
    }

    /// Consumes one byte; true when it completes a request.
    private mutating func step(_ byte: UInt8) -> Bool {
        switch lexer {
        case .string(let escaped):
            if escaped {
                lexer = .string(escaped: false)
            } else if byte == UInt8(ascii: "\\") {
                lexer = .string(escaped: true)
            } else if byte == UInt8(ascii: "\"") {
                lexer = .code
            }
            return false
        case .lineComment:
            if byte == UInt8(ascii: "\n") { lexer = .code }
            return false
        case .blockComment(let sawStar):
            if sawStar && byte == UInt8(ascii: "/") {
                lexer = .code
            } else {
                lexer = .blockComment(sawStar: byte == UInt8(ascii: "*"))
            }
            return false
        case .slash:
            if byte == UInt8(ascii: "/") {
                lexer = .lineComment
                return false
            }
            if byte == UInt8(ascii: "*") {
                lexer = .blockComment(sawStar: false)
                return false
            }
            lexer = .code
            return code(byte)
        case .code:
            return code(byte)
        }
    }

    private mutating func code(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""):
            lexer = .string(escaped: false)
        case UInt8(ascii: "#"):
            lexer = .lineComment
        case UInt8(ascii: "/"):
            lexer = .slash
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            started = true
            depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            return started && depth <= 0
        default:
            // Anything else before the opening bracket is not a JSON map: hand it over as it is.
            return !started && !Self.isSpace(byte)
        }
        return false
    }

    private mutating func reset() {
        scanned = 0
        depth = 0
        started = false
        lexer = .code
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
