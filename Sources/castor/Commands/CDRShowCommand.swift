import CastorModel
import Foundation

/// `castor cli -x "cdr show"`: the last calls, newest first, read from the store (the PBX writes a record as
/// each call ends), in Asterisk's CDR words:
///
/// ```
/// START                CALLER  CALLEE  CONTEXT       DISPOSITION  DURATION  BILLSEC  CODECS     LOSS
/// 2025-06-15 17:07:40  1001    1002    comptabilite  ANSWERED     62        60       PCMU/PCMA  3/0
/// 2025-06-15 17:06:50  1002    2001    comptabilite  BUSY         4         0        PCMU       0/0
/// 2 calls
/// ```
///
/// START is local time; DURATION and BILLSEC whole seconds (Asterisk's `duration` and `billsec`); CODECS the
/// caller's leg, then the callee's when it differs; LOSS the RTP packets lost from the caller / the callee.
enum CDRShowCommand {
    /// How many calls are shown.
    static let limit = 50

    static func run(_ options: DataOptions) throws -> String {
        let (store, _) = try options.openStore()
        let (records, total) = try Failure.store { () throws(CastorError) in
            (try store.cdrs(limit: limit), try store.cdrCount())
        }
        return render(records, total: total, timeZone: .current)
    }

    /// The table, then `N calls` (`N calls of T` when older ones are not shown).
    static func render(_ records: [CallDetailRecord], total: Int, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let rows = records.map { r in
            [
                formatter.string(from: Date(timeIntervalSince1970: r.start)), r.caller, r.callee, r.callerContext,
                r.disposition.rawValue, String(r.duration), String(r.billsec), codecs(r),
                "\(r.callerLost)/\(r.calleeLost)",
            ]
        }
        let table = TextTable(
            header: ["START", "CALLER", "CALLEE", "CONTEXT", "DISPOSITION", "DURATION", "BILLSEC", "CODECS", "LOSS"],
            rows: rows)
        let shown = "\(records.count) call\(records.count == 1 ? "" : "s")"
        return table.render() + (total > records.count ? "\(shown) of \(total)\n" : "\(shown)\n")
    }

    /// `PCMU/PCMA` when the PBX transcodes, `PCMU` when both legs agree, `-` before any media was negotiated.
    static func codecs(_ record: CallDetailRecord) -> String {
        switch (record.callerCodec, record.calleeCodec) {
        case (nil, nil): return "-"
        case (let caller?, nil): return caller
        case (nil, let callee?): return "-/\(callee)"
        case (let caller?, let callee?): return caller == callee ? caller : "\(caller)/\(callee)"
        }
    }
}
