import DHCPCodec
import KeaExpression

/// Packets and shortcuts for the expression tests.
enum Packet {
    /// A Snom D715 DISCOVER through a relay: MAC 00:04:13:aa:bb:cc, option 60 "snom715", option 82 with
    /// circuit-id "eth0/1" and remote-id 0x0102.
    static let snom = DHCPMessage(
        op: .request, xid: 0x1234_5678, giaddr: IPv4Address(10, 0, 0, 1),
        chaddr: [0x00, 0x04, 0x13, 0xaa, 0xbb, 0xcc],
        options: [
            DHCPOption(code: 53, value: [1]),
            DHCPOption(code: 60, value: Array("snom715".utf8)),
            DHCPOption(code: 12, value: Array("phone-12".utf8)),
            DHCPOption(
                code: 82,
                value: [1, 6] + Array("eth0/1".utf8) + [2, 2, 0x01, 0x02]),
        ])

    /// A laptop: no option 60, no relay.
    static let laptop = DHCPMessage(
        op: .request, xid: 7, ciaddr: IPv4Address(192, 0, 2, 9), chaddr: [0x52, 0x54, 0x00, 0x12, 0x34, 0x56],
        options: [DHCPOption(code: 53, value: [3])])
}

extension KeaExpression {
    /// Parses and evaluates in one step.
    static func test(_ text: String, on packet: DHCPMessage, members: Set<String> = []) throws -> Bool {
        try KeaExpression(parsing: text).evaluate(packet, isMember: { members.contains($0) })
    }

    /// The error `text` fails to parse with, or `nil`.
    static func failure(_ text: String) -> KeaExpressionError? {
        do {
            _ = try KeaExpression(parsing: text)
            return nil
        } catch {
            return error
        }
    }
}
