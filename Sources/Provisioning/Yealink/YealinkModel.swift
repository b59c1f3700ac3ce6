/// Yealink models and the number each one's common file and firmware are named after: `y0000000000XX.cfg`,
/// firmware `<…>-XX.<major>.<minor>.<patch>.rom` (the first field of the firmware version, e.g. 66.86.0.15).
///
/// From wazo-provd-plugins' Yealink `COMMON_FILES` (firmware 81–86): the T4xS share image 66 but each model
/// asks for its own common file.
enum YealinkModel {
    /// Model → common file number.
    static let commonFileIDs: [String: Int] = [
        "T19P_E2": 53, "T21P_E2": 52, "T23G": 44, "T27P": 45, "T27G": 69, "T29G": 46, "T40P": 54, "T40G": 76,
        "T41P": 36, "T42G": 29, "T46G": 28, "T48G": 35, "T41S": 68, "T42S": 67, "T46S": 66, "T48S": 65,
        "T52S": 74, "T54S": 70, "W52P": 25,
    ]

    /// Model → firmware number, where it differs from the common file's (the T4xS run image 66).
    static let firmwareIDs: [String: Int] = ["T41S": 66, "T42S": 66, "T48S": 66]

    /// Common file number → model (the first model in name order when several share one).
    static let modelsByCommonFileID: [Int: String] = Dictionary(
        commonFileIDs.sorted { $0.key < $1.key }.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })

    /// `SIP-T46S`, `t46s`, `Yealink-T46G`, `VP-T49G` → `T46S`, … ; nil when the text cannot be a model.
    static func canonical(_ text: String) -> String? {
        var name = Substring(text)
        for prefix in ["Yealink-", "yealink-", "SIP-", "VP-"] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
        }
        guard (1...16).contains(name.utf8.count),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return nil }
        return name.uppercased()
    }

    /// `y000000000066.cfg`: the common file of a model.
    static func commonFileName(id: Int) -> String {
        let digits = String(id)
        return "y" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".cfg"
    }

    /// Yealink's OUIs seen on desk phones.
    static let ouis: [[UInt8]] = [[0x00, 0x15, 0x65], [0x80, 0x5e, 0xc0], [0x80, 0x5e, 0x0c], [0x24, 0x9a, 0xd8]]
}
