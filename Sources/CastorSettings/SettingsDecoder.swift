/// What every value being decoded shares: the file name for errors, the real names of keys the document
/// renamed (see `SettingsDocument`), and the key paths met so far.
final class SettingsDecoder {
    let file: String
    let originalKeys: [SettingsDocument.Position: String]
    /// Every key path the text set, in document order.
    var presentKeyPaths: [String] = []

    init(file: String, originalKeys: [SettingsDocument.Position: String]) {
        self.file = file
        self.originalKeys = originalKeys
    }
}
