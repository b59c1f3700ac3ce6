import CastorModel

/// A line bound to a device, with what its config shows of its user: the display name, the language, and
/// whether a voicemail box answers it.
public struct ProvisionedLine: Sendable, Equatable {
    public var line: Line
    public var user: User?
    public var voicemail: VoicemailBox?

    public init(line: Line, user: User? = nil, voicemail: VoicemailBox? = nil) {
        self.line = line
        self.user = user
        self.voicemail = voicemail
    }

    /// What the phone shows for the line: the user's name, else the extension, else the SIP user name.
    var displayName: String { user?.name ?? line.exten ?? line.username }
}
