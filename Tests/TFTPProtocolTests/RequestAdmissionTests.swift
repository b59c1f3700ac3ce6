import Testing

@testable import TFTPProtocol

@Suite struct RequestAdmissionTests {
    @Test func readRequestIsAdmitted() throws {
        let request = try #require(
            {
                if case .readRequest(let request) = try TFTPPacket(parsing: PacketFixtures.readRequestWithOptions) {
                    return request
                }
                return nil
            }())
        #expect(
            TFTPRequestAdmission(datagram: PacketFixtures.readRequestWithOptions)
                == .read(request, path: ["snom715.htm"]))
        #expect(
            TFTPRequestAdmission(datagram: PacketFixtures.readRequestNetascii)
                == .read(TFTPRequest(filename: "a/b", mode: .netascii), path: ["a", "b"]))
    }

    @Test func writeRequestsAreRefused() {
        #expect(
            TFTPRequestAdmission(datagram: PacketFixtures.writeRequest)
                == .refuse(.error(.accessViolation, message: "Access violation: this server is read-only")))
    }

    @Test func mailModeIsRefused() {
        let packet = TFTPPacket.readRequest(TFTPRequest(filename: "root", mode: .mail))
        #expect(
            TFTPRequestAdmission(packet: packet)
                == .refuse(.error(.illegalOperation, message: "Mode mail is not supported")))
    }

    @Test func traversalIsRefused() {
        let packet = TFTPPacket.readRequest(TFTPRequest(filename: "../../etc/shadow", mode: .octet))
        #expect(TFTPRequestAdmission(packet: packet) == .refuse(TFTPPathRefusal.parentDirectory.errorPacket))
    }

    @Test func malformedAndStrayPackets() {
        #expect(
            TFTPRequestAdmission(datagram: [0, 1] + Array("f\0binary\0".utf8))
                == .refuse(.error(.illegalOperation, message: "Illegal TFTP operation: unknown mode")))
        #expect(
            TFTPRequestAdmission(datagram: [0, 1])
                == .refuse(.error(.illegalOperation, message: "Illegal TFTP operation: filename not terminated")))
        let stray = TFTPPacket.error(.illegalOperation, message: "Illegal TFTP operation: no transfer on this port")
        #expect(TFTPRequestAdmission(datagram: PacketFixtures.data) == .refuse(stray))
        #expect(TFTPRequestAdmission(datagram: PacketFixtures.acknowledgementZero) == .refuse(stray))
        #expect(TFTPRequestAdmission(datagram: PacketFixtures.optionAcknowledgement) == .refuse(stray))
        // Never answer an ERROR with an ERROR.
        #expect(TFTPRequestAdmission(datagram: PacketFixtures.optionError) == .ignore)
    }
}
