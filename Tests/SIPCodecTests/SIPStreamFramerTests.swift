import Testing

@testable import SIPCodec

/// Cutting a TCP/TLS stream into messages (RFC 3261 §18.3) and keep-alives (RFC 5626 §3.5.1), fed in every way
/// a stream can arrive.
@Suite struct SIPStreamFramerTests {
    static let stream: [UInt8] = SampleMessages.register + SampleMessages.invite + SampleMessages.ok
    static let expected: [SIPFramedItem] = SampleMessages.all.map { .message($0) }

    /// Everything `next()` returns after each chunk, until it returns nil.
    static func drain(_ framer: inout SIPStreamFramer) throws(SIPFramingError) -> [SIPFramedItem] {
        var items: [SIPFramedItem] = []
        while let item = try framer.next() { items.append(item) }
        return items
    }

    static func feed(_ chunks: [[UInt8]]) throws(SIPFramingError) -> [SIPFramedItem] {
        var framer = SIPStreamFramer()
        var items: [SIPFramedItem] = []
        for chunk in chunks {
            framer.append(chunk)
            items += try drain(&framer)
        }
        #expect(framer.bufferedByteCount == 0)
        return items
    }

    @Test func severalMessagesInOneChunk() throws {
        #expect(try Self.feed([Self.stream]) == Self.expected)
    }

    @Test func oneByteAtATime() throws {
        #expect(try Self.feed(Self.stream.map { [$0] }) == Self.expected)
    }

    @Test func everySplitPointOfEveryMessage() throws {
        for message in SampleMessages.all {
            for split in 0...message.count {
                let items = try Self.feed([Array(message[..<split]), Array(message[split...])])
                #expect(items == [.message(message)], "split at \(split)")
            }
        }
    }

    @Test func everySplitPointOfTheStream() throws {
        for split in stride(from: 0, through: Self.stream.count, by: 7) {
            #expect(try Self.feed([Array(Self.stream[..<split]), Array(Self.stream[split...])]) == Self.expected)
        }
    }

    @Test func everyFramedMessageParses() throws {
        for case .message(let bytes) in try Self.feed([Self.stream]) {
            #expect(throws: Never.self) { try SIPMessage(parsing: bytes) }
        }
    }

    @Test func keepAlivesBetweenMessages() throws {
        let crlf: [UInt8] = [13, 10]
        let stream = crlf + crlf + SampleMessages.ok + crlf + SampleMessages.ok + crlf + crlf + crlf
        let items: [SIPFramedItem] = [
            .keepAlivePing, .message(SampleMessages.ok), .keepAlivePong,
            .message(SampleMessages.ok), .keepAlivePing,
        ]
        #expect(try Self.feed([stream + SampleMessages.ok]) == items + [.keepAlivePong, .message(SampleMessages.ok)])
        var framer = SIPStreamFramer()
        framer.append(stream)
        #expect(try Self.drain(&framer) == items)
        // The last CRLF waits: it may be the first half of a ping.
        #expect(framer.hasPendingKeepAlive)
        framer.append([65])
        #expect(try framer.next() == .keepAlivePong)
        // Byte by byte, a ping is still one ping.
        #expect(try Self.feed([[13], [10], [13], [10]]) == [.keepAlivePing])
        // A bare LF between messages is skipped.
        #expect(try Self.feed([[10] + SampleMessages.ok]) == [.message(SampleMessages.ok)])
    }

    @Test func aMessageWithoutContentLengthIsAnError() {
        var framer = SIPStreamFramer()
        framer.append(Array("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h\r\n\r\n".utf8))
        #expect(throws: SIPFramingError.self) { try framer.next() }
        // The error sticks: the transport closes the connection.
        framer.append(SampleMessages.ok)
        do {
            _ = try framer.next()
            Issue.record("the framer recovered")
        } catch {
            #expect(error.kind == .missingContentLength)
        }
    }

    @Test func contentLengthErrors() throws {
        let head = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h\r\n"
        for (headers, kind) in [
            ("Content-Length: -999\r\n", SIPFramingError.Kind.invalidContentLength),
            ("Content-Length: five\r\n", .invalidContentLength),
            ("Content-Length: 13\r\nl: 5\r\n", .multipleContentLength),
            ("Content-Length: 70000\r\n", .messageTooLarge),
            ("Content-Length: 99999999999999999999999\r\n", .messageTooLarge),
        ] {
            var framer = SIPStreamFramer()
            framer.append(Array((head + headers + "\r\n").utf8))
            do {
                _ = try framer.next()
                Issue.record("\(headers) was accepted")
            } catch {
                #expect(error.kind == kind, "\(headers)")
            }
        }
        // Compact name, any case, whitespace before the colon, a bare LF: all read.
        var framer = SIPStreamFramer()
        framer.append(Array((head + "L : 2\n\nhi").utf8))
        #expect(try framer.next() == .message(Array((head + "L : 2\n\nhi").utf8)))
    }

    @Test func oversizedHeadersAndMessagesAreErrors() throws {
        var framer = SIPStreamFramer(maximumMessageSize: 256)
        framer.append(SampleMessages.register)
        #expect(throws: SIPFramingError.self) { try framer.next() }
        var endless = SIPStreamFramer(maximumMessageSize: 1_000)
        endless.append(Array("INVITE sip:a@b SIP/2.0\r\n".utf8))
        for _ in 0..<100 {
            endless.append(Array("X-Padding: aaaaaaaaaa\r\n".utf8))
            if (try? endless.next()) == nil, endless.bufferedByteCount > 1_000 { break }
        }
        #expect(throws: SIPFramingError.self) { try endless.next() }
        var fits = SIPStreamFramer(maximumMessageSize: SampleMessages.invite.count)
        fits.append(SampleMessages.invite)
        #expect(try fits.next() == .message(SampleMessages.invite))
    }

    @Test func aLongStreamCompactsItsBuffer() throws {
        var framer = SIPStreamFramer()
        var count = 0
        for _ in 0..<500 {
            framer.append(SampleMessages.register)
            count += try Self.drain(&framer).count
        }
        #expect(count == 500)
        #expect(framer.bufferedByteCount == 0)
    }
}
