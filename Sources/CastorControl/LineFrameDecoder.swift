import NIOCore

/// Splits a byte stream into newline-terminated frames (the control protocol is one JSON document a line),
/// refusing a line longer than `maximumLength` so a stuck or hostile client cannot grow our memory.
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    struct LineTooLong: Error {}

    let maximumLength: Int

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > maximumLength { throw LineTooLong() }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard length <= maximumLength, let line = buffer.readSlice(length: length) else { throw LineTooLong() }
        buffer.moveReaderIndex(forwardBy: 1)
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        // A last line without its newline is still a request (e.g. `printf '{"command":"status"}' | socat`).
        if buffer.readableBytes > 0, buffer.readableBytes <= maximumLength,
            let line = buffer.readSlice(length: buffer.readableBytes)
        {
            context.fireChannelRead(Self.wrapInboundOut(line))
        }
        return .needMoreData
    }
}
