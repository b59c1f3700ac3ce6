/// When the server retransmits and when it gives up (RFC 1350 §2: the sender of an unacknowledged packet
/// retransmits it on timeout; RFC 1123 §4.2.3.2 asks for an adaptive timeout, here an exponential back-off).
///
/// The first timeout is the negotiated `timeout` option if any, else ``initialTimeout``; it doubles after
/// each retransmission up to ``maximumTimeout`` (or the negotiated value, if larger), and returns to its
/// first value whenever the client makes progress. After ``maximumRetries`` retransmissions without progress
/// the next timeout ends the transfer.
public struct TFTPRetransmission: Hashable, Sendable {
    public var initialTimeout: Duration
    public var maximumTimeout: Duration
    public var maximumRetries: Int

    public init(initialTimeout: Duration = .seconds(1), maximumTimeout: Duration = .seconds(8), maximumRetries: Int = 5)
    {
        self.initialTimeout = initialTimeout
        self.maximumTimeout = maximumTimeout
        self.maximumRetries = maximumRetries
    }

    /// The first timeout and the cap for a transfer with these options.
    func timeouts(for options: TFTPNegotiatedOptions) -> (first: Duration, cap: Duration) {
        guard let seconds = options.timeoutSeconds else {
            return (initialTimeout, max(initialTimeout, maximumTimeout))
        }
        let negotiated = Duration.seconds(seconds)
        return (negotiated, max(negotiated, maximumTimeout))
    }
}
