/// A programmable key the caller asks for: usually a BLF for each other member of the device's context.
/// The voicemail key and the line keys are added by the renderer.
public struct FunctionKey: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Busy lamp field on an extension: shows its state, picks up its calls (with `pickupPrefix`).
        case blf
        /// Dials a number.
        case speedDial = "speed_dial"
        /// Dials the voicemail access code.
        case voicemail
    }

    public var kind: Kind
    /// The number the key watches or dials.
    public var exten: String
    /// The text next to the key.
    public var label: String

    public init(kind: Kind, exten: String, label: String) {
        self.kind = kind
        self.exten = exten
        self.label = label
    }

    public static func blf(_ exten: String, label: String) -> FunctionKey {
        FunctionKey(kind: .blf, exten: exten, label: label)
    }

    public static func speedDial(_ exten: String, label: String) -> FunctionKey {
        FunctionKey(kind: .speedDial, exten: exten, label: label)
    }
}
