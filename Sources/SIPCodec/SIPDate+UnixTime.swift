extension SIPDate {
    /// The date of a Unix time (seconds since 1970-01-01 00:00:00 GMT), for the Date header a registrar puts
    /// in its 200 OK (phones such as Snom's set their clock from it). The civil date comes from the day count
    /// by Howard Hinnant's `civil_from_days`; no Foundation.
    public init(unixSeconds: Double) {
        let seconds = Int64(unixSeconds.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        // 1970-01-01 was a Thursday; `weekdays` starts on Monday.
        let weekday = Self.weekdays[Int((((days + 3) % 7) + 7) % 7)]
        self.init(
            weekday: weekday, day: Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1), month: month,
            year: Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0), hour: secondOfDay / 3600,
            minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }
}
