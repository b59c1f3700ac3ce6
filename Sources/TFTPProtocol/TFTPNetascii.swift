/// netascii encoding as a TFTP sender applies it (RFC 1350 §1 and §5, RFC 764): LF becomes CR LF and a
/// bare CR becomes CR NUL; every other byte passes unchanged. Like tftp-hpa, a CR LF already in the file
/// becomes CR NUL CR LF: the local file is taken to be Unix text.
///
/// Transfers encode lazily, one block at a time (``TFTPSourcePosition`` remembers a CR or LF whose second
/// byte spills into the next block), so a large file is never converted whole.
public enum TFTPNetascii {
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A

    /// `bytes` converted whole (for tests and small files).
    public static func encoded(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        for byte in bytes {
            switch byte {
            case lineFeed: output += [carriageReturn, lineFeed]
            case carriageReturn: output += [carriageReturn, 0]
            default: output.append(byte)
            }
        }
        return output
    }

    /// The length of `encoded(bytes)` without building it.
    public static func encodedCount(of bytes: some Collection<UInt8>) -> Int {
        bytes.count + bytes.reduce(0) { $1 == lineFeed || $1 == carriageReturn ? $0 + 1 : $0 }
    }

    /// The second byte of `byte`'s encoding, if it takes two.
    static func secondByte(of byte: UInt8) -> UInt8? {
        switch byte {
        case lineFeed: return lineFeed
        case carriageReturn: return 0
        default: return nil
        }
    }
}
