/// The Date header (RFC 3261 §20.17): an RFC 1123 date, always in GMT.
///
/// ```
/// Date: Sat, 13 Nov 2010 23:29:00 GMT
/// ```
///
/// Only the syntax is checked — "EST", "UT" or "UTC" instead of "GMT" is malformed (RFC 4475 §3.1.2.11) —
/// not that the weekday matches the date.
public struct SIPDate: Hashable, Sendable, CustomStringConvertible {
    public var weekday: String
    public var day: Int
    /// 1–12.
    public var month: Int
    public var year: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public init(weekday: String, day: Int, month: Int, year: Int, hour: Int, minute: Int, second: Int) {
        self.weekday = weekday
        self.day = day
        self.month = month
        self.year = year
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses `wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT"`.
    public init(parsing text: String) throws(SIPParseError) {
        let parts = text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        func digits(_ part: String, _ count: Int) -> Int? {
            guard part.utf8.count == count, part.utf8.allSatisfy(SIPByteClass.isDigit) else { return nil }
            return Int(part)
        }
        func fail(_ detail: String) -> SIPParseError {
            SIPParseError(.malformedHeader, at: 0, detail).in(.date)
        }
        guard parts.count == 6, parts[0].hasSuffix(","), Self.weekdays.contains(String(parts[0].dropLast())) else {
            throw fail("expected \"Wkd, DD Mon YYYY HH:MM:SS GMT\" (RFC 3261 §20.17)")
        }
        guard parts[5] == "GMT" else { throw fail("the time zone must be GMT (RFC 3261 §20.17, RFC 4475 §3.1.2.11)") }
        guard let day = digits(parts[1], 2), (1...31).contains(day), let month = Self.months.firstIndex(of: parts[2]),
            let year = digits(parts[3], 4)
        else { throw fail("malformed date") }
        let time = parts[4].utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard time.count == 3, let hour = digits(time[0], 2), let minute = digits(time[1], 2),
            let second = digits(time[2], 2), hour < 24, minute < 60, second < 61
        else { throw fail("malformed time") }
        weekday = String(parts[0].dropLast())
        self.day = day
        self.month = month + 1
        self.year = year
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let monthName = (1...12).contains(month) ? Self.months[month - 1] : "Jan"
        return "\(weekday), \(two(day)) \(monthName) \(year) \(two(hour)):\(two(minute)):\(two(second)) GMT"
    }
}
