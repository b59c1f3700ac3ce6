import Testing

@testable import CastorSettings

/// The duplicate-key recovery relies on how Yams 6 reports duplicates; these pin that behaviour down so
/// an upgrade that changes it fails here first.
@Suite("Composing the YAML document")
struct SettingsDocumentTests {
    @Test("a renamed key keeps every line and column, and its real name is remembered")
    func renaming() throws {
        let document = try SettingsDocument(yaml: "api:\n  port: 1\n  port: 2\n", file: "castor.yaml")
        #expect(document.originalKeys == [SettingsDocument.Position(line: 2, column: 3): "port"])
        #expect(document.root != nil)
    }

    @Test("renaming refuses text that is not the key")
    func renamingRefuses() {
        #expect(SettingsDocument.renamingKey("port", at: .init(line: 1, column: 1), in: "&a port: 1", round: 0) == nil)
        #expect(SettingsDocument.renamingKey("port", at: .init(line: 2, column: 1), in: "port: 1", round: 0) == nil)
        #expect(SettingsDocument.renamingKey("", at: .init(line: 1, column: 1), in: "port: 1", round: 0) == nil)
        #expect(
            SettingsDocument.renamingKey("port", at: .init(line: 1, column: 2), in: "{\"port\": 1}", round: 1)
                == "{\"\u{E001}ort\": 1}")
    }

    @Test("reader offsets become lines and columns")
    func readerOffsets() {
        #expect(SettingsDocument.position(ofCharacter: 0, in: "ab") == .init(line: 1, column: 1))
        #expect(SettingsDocument.position(ofCharacter: 4, in: "ab\r\ncd") == .init(line: 2, column: 2))
    }
}
