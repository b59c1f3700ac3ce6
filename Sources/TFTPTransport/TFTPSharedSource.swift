import TFTPProtocol

/// The handler's source, whatever its type, as the concrete `Source` a ``TFTPProtocol/TFTPReadTransfer``
/// needs (an existential does not conform to its own protocol).
struct TFTPSharedSource: TFTPFileSource, Sendable {
    let base: any TFTPFileSource & Sendable

    var byteCount: Int? { base.byteCount }

    var netasciiByteCount: Int? { base.netasciiByteCount }

    func read(offset: Int, length: Int) throws -> [UInt8] { try base.read(offset: offset, length: length) }
}
