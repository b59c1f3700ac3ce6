/// What the server tells a transfer's channel from outside its event loop.
enum TFTPTransferEvent: Sendable {
    /// The socket is open and recorded in the ``TFTPTransferTable``: send the first packet.
    case start
    /// The server is stopping: tell the client and close.
    case abort
}
