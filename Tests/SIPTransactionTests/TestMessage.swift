import SIPTransaction

/// A stand-in for a SIP message: the machines never look inside one, so a label is enough to tell which
/// message an action carries.
struct TestMessage: Hashable, Sendable, CustomStringConvertible {
    let label: String

    init(_ label: String) { self.label = label }

    static let invite = TestMessage("INVITE")
    static let register = TestMessage("REGISTER")
    static let ack = TestMessage("ACK")

    /// A response; `copy` tells apart retransmissions or forks of the same status.
    static func response(_ statusCode: Int, copy: Int = 0) -> TestMessage {
        TestMessage(copy == 0 ? "\(statusCode)" : "\(statusCode)#\(copy)")
    }

    var description: String { label }
}

/// Durations in milliseconds, which keep every RFC value exact.
func ms(_ milliseconds: Int) -> Duration { .milliseconds(milliseconds) }

/// Durations in seconds.
func sec(_ seconds: Int) -> Duration { .seconds(seconds) }

typealias ClientAction = SIPClientTransactionAction<TestMessage>
typealias ServerAction = SIPServerTransactionAction<TestMessage>
typealias ClientActions = SIPTransactionActions<ClientAction>
typealias ServerActions = SIPTransactionActions<ServerAction>
