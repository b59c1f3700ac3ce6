import CastorTestSupport
import TFTPProtocol
import TFTPTransport
import Testing

/// Whatever arrives on the well-known port gets the ERROR RFC 1350 owes it (or nothing, for an ERROR), and
/// the server keeps serving.
@Suite struct MalformedDatagramTests {
    static let cases: [(bytes: [UInt8], code: TFTPErrorCode?)] = [
        ([], .illegalOperation),
        ([0], .illegalOperation),
        ([0, 9, 1, 2], .illegalOperation),  // unknown opcode
        ([0, 1] + Array("file".utf8), .illegalOperation),  // truncated RRQ: no NUL
        ([0, 1] + Array("file".utf8) + [0] + Array("oct".utf8), .illegalOperation),  // truncated mode
        ([0, 1] + Array("file".utf8) + [0] + Array("bogus".utf8) + [0], .illegalOperation),  // unknown mode
        ([0, 1, 0] + Array("octet".utf8) + [0], .illegalOperation),  // empty file name
        ([0, 1] + Array("f".utf8) + [0] + Array("mail".utf8) + [0], .illegalOperation),
        (TFTPPacket.writeRequest(TFTPRequest(filename: "x.cfg", mode: .octet)).serialized(), .accessViolation),
        (TFTPPacket.readRequest(TFTPRequest(filename: "../x", mode: .octet)).serialized(), .accessViolation),
        (TFTPPacket.readRequest(TFTPRequest(filename: "missing", mode: .octet)).serialized(), .fileNotFound),
        (TFTPPacket.data(block: 1, payload: [1]).serialized(), .illegalOperation),
        (TFTPPacket.acknowledgement(block: 1).serialized(), .illegalOperation),
        ([0, 6, 0], .illegalOperation),  // OACK with an unterminated option
        (TFTPPacket.error(.undefined, message: "bye").serialized(), nil),
        ([0, 5], .illegalOperation),  // too short to be an ERROR: not a TFTP packet at all
    ]

    @Test func eachDatagramGetsItsAnswer() async throws {
        try await TFTPLab.with(files: ["ok.cfg": [7, 7, 7]]) { lab in
            let client = try RawTFTPClient()
            for (bytes, code) in Self.cases {
                client.send(bytes, to: lab.port)
                guard let code else {
                    #expect(await client.isSilent(for: .milliseconds(100)), "\(bytes) was answered")
                    continue
                }
                let (reply, _) = try await client.receivePacket()
                guard case .error(let received, _) = reply else {
                    Issue.record("\(bytes): \(reply)")
                    continue
                }
                #expect(received == code, "\(bytes)")
            }
            try await Self.expectServes(lab)
        }
    }

    @Test func randomBytesNeverStopTheServer() async throws {
        try await TFTPLab.with(files: ["ok.cfg": [7, 7, 7]]) { lab in
            let client = try RawTFTPClient()
            for round in 0..<200 {
                var bytes = randomBytes(round * 7 % 600, seed: UInt64(round))
                // A first byte other than 0 is an unknown opcode: always ERROR 4.
                if !bytes.isEmpty && bytes[0] == 0 { bytes[0] = 1 }
                client.send(bytes, to: lab.port)
                let (reply, _) = try await client.receivePacket()
                #expect(reply.opcode == .error, "round \(round)")
            }
            #expect(lab.server.counters.refusals == 200)
            try await Self.expectServes(lab)
        }
    }

    /// An RRQ still starts a transfer: DATA 1 from a port of its own.
    static func expectServes(_ lab: TFTPLab) async throws {
        let client = try RawTFTPClient()
        client.send(.readRequest(TFTPRequest(filename: "ok.cfg", mode: .octet)), to: lab.port)
        let (packet, port) = try await client.receivePacket()
        #expect(packet == .data(block: 1, payload: [7, 7, 7]))
        #expect(port != lab.port)
        client.send(.acknowledgement(block: 1), to: port)
    }
}
