import TFTPProtocol

/// A TFTP read client in memory, as RFC 1350 and RFC 7440 §4 describe the receiver: it takes blocks in order,
/// ACKs every `windowSize` blocks and the last one, and, once after each gap or duplicate, re-ACKs the last
/// block it holds in order.
struct LoopbackClient {
    var blockSize = 512
    var windowSize = 1
    private(set) var file: [UInt8] = []
    private(set) var isDone = false
    private(set) var receivedError: TFTPPacket?
    /// The wire number of the block expected next.
    private var expected: UInt16 = 1
    private var sinceAcknowledgement = 0
    private var reportedGap = false

    /// The client's answer to one packet from the server, if any.
    mutating func receive(_ packet: TFTPPacket) -> TFTPPacket? {
        switch packet {
        case .optionAcknowledgement(let options):
            for option in options {
                if option.isNamed(TFTPOption.blockSize), let value = option.decimalValue { blockSize = value }
                if option.isNamed(TFTPOption.windowSize), let value = option.decimalValue { windowSize = value }
            }
            return .acknowledgement(block: 0)
        case .data(let block, let payload):
            guard !isDone else { return nil }
            guard block == expected else {
                guard !reportedGap else { return nil }
                reportedGap = true
                sinceAcknowledgement = 0
                return .acknowledgement(block: expected &- 1)
            }
            file += payload
            expected &+= 1
            sinceAcknowledgement += 1
            reportedGap = false
            if payload.count < blockSize { isDone = true }
            guard isDone || sinceAcknowledgement == windowSize else { return nil }
            sinceAcknowledgement = 0
            return .acknowledgement(block: block)
        case .error:
            receivedError = packet
            return nil
        case .readRequest, .writeRequest, .acknowledgement:
            return nil
        }
    }
}
