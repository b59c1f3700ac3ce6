/// How a call ended, with the raw values of Asterisk's CDR `disposition` column (`ast_cdr_disp2str` in
/// main/cdr.c): the `disposition` of a `CallDetailRecord`.
///
/// ```swift
/// CallDisposition(status: 486)                     // .busy
/// CallDisposition(status: 487, cancelled: true)    // .noAnswer: the caller hung up while it rang
/// CallDisposition.noAnswer.rawValue                // "NO ANSWER"
/// ```
public enum CallDisposition: String, Codable, Sendable, CaseIterable {
    /// The callee answered (a 2xx to the INVITE).
    case answered = "ANSWERED"
    /// Nobody answered: the caller gave up (CANCEL, 487), or the callee did not answer in time (408, 480).
    case noAnswer = "NO ANSWER"
    /// The callee was busy (486 Busy Here, 600 Busy Everywhere).
    case busy = "BUSY"
    /// The call could not be placed: unknown number, no registered contact, refused, a transport error.
    case failed = "FAILED"
    /// The network or the PBX was overloaded (503 Service Unavailable).
    case congestion = "CONGESTION"

    /// The disposition of a call whose INVITE ended with `status` (RFC 3261 §21), as Asterisk derives it:
    /// chan_sip maps the status to a hangup cause (`hangup_sip2cause`), app_dial the cause to a DIALSTATUS,
    /// and the CDR engine that to a disposition (ANSWER → ANSWERED, BUSY → BUSY, NOANSWER and CANCEL →
    /// NO ANSWER, CONGESTION → CONGESTION, anything else → FAILED).
    ///
    /// `answered` (a 2xx was received, whatever the final status the caller saw) wins; then `cancelled` (the
    /// caller sent CANCEL: Asterisk's CANCEL, NO ANSWER); then the status.
    public init(status: Int, answered: Bool = false, cancelled: Bool = false) {
        if answered {
            self = .answered
            return
        }
        if cancelled {
            self = .noAnswer
            return
        }
        switch status {
        case 200..<300: self = .answered
        case 486, 600: self = .busy
        case 408, 480, 487: self = .noAnswer
        case 503: self = .congestion
        default: self = .failed
        }
    }
}
