/// A firmware file present in the firmware directory that a plugin picked for a model.
public struct FirmwareImage: Sendable, Equatable {
    /// The file's name in the firmware directory (`snomD715-10.1.215.13-SIP-r.bin`).
    public var fileName: String
    /// The version read from the name (`10.1.215.13`).
    public var version: String

    public init(fileName: String, version: String) {
        self.fileName = fileName
        self.version = version
    }

    /// The newest of `images`, comparing versions number by number (`10.1.215.13` > `10.1.33.33`); names break ties.
    static func newest(_ images: [FirmwareImage]) -> FirmwareImage? {
        images.max { lhs, rhs in
            let left = lhs.versionNumbers
            let right = rhs.versionNumbers
            if left != right { return left.lexicographicallyPrecedes(right) }
            return lhs.fileName < rhs.fileName
        }
    }

    private var versionNumbers: [Int] {
        version.split(whereSeparator: { !$0.isNumber }).map { Int($0.prefix(9)) ?? 0 }
    }
}
