/// A request method (RFC 3261 §7.1, §27.4): the methods of RFC 3261 and its common extensions, or any other
/// token. Methods are case-sensitive: `invite` is an extension method, not INVITE.
///
/// ```swift
/// SIPMethod("REGISTER") == .register      // true
/// SIPMethod("PUBLISH").name               // "PUBLISH"
/// SIPMethod("FOO")                        // .extension("FOO")
/// ```
public enum SIPMethod: Hashable, Sendable, CustomStringConvertible {
    case invite, ack, bye, cancel, register, options
    /// RFC 6086.
    case info
    /// RFC 3262.
    case prack
    /// RFC 6665.
    case subscribe, notify
    /// RFC 3515.
    case refer
    /// RFC 3428.
    case message
    /// RFC 3311.
    case update
    /// RFC 3903.
    case publish
    /// Any other token (never the name of a case above).
    case `extension`(String)

    /// The method named by `token`, compared case-sensitively (RFC 3261 §7.1).
    public init(_ token: String) {
        switch token {
        case "INVITE": self = .invite
        case "ACK": self = .ack
        case "BYE": self = .bye
        case "CANCEL": self = .cancel
        case "REGISTER": self = .register
        case "OPTIONS": self = .options
        case "INFO": self = .info
        case "PRACK": self = .prack
        case "SUBSCRIBE": self = .subscribe
        case "NOTIFY": self = .notify
        case "REFER": self = .refer
        case "MESSAGE": self = .message
        case "UPDATE": self = .update
        case "PUBLISH": self = .publish
        default: self = .extension(token)
        }
    }

    /// The method as written on the wire.
    public var name: String {
        switch self {
        case .invite: return "INVITE"
        case .ack: return "ACK"
        case .bye: return "BYE"
        case .cancel: return "CANCEL"
        case .register: return "REGISTER"
        case .options: return "OPTIONS"
        case .info: return "INFO"
        case .prack: return "PRACK"
        case .subscribe: return "SUBSCRIBE"
        case .notify: return "NOTIFY"
        case .refer: return "REFER"
        case .message: return "MESSAGE"
        case .update: return "UPDATE"
        case .publish: return "PUBLISH"
        case .extension(let token): return token
        }
    }

    public var description: String { name }

    /// The method of `bytes[range]`, which the caller has checked to be a token. Method names up to 15
    /// bytes are small strings: no allocation.
    init(_ scanner: SIPScanner, _ range: Range<Int>) {
        self.init(scanner.string(range))
    }
}
