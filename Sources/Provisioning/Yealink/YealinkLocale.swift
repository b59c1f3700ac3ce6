/// Yealink's spellings of a locale and a time zone.
enum YealinkLocale {
    /// Locale → `lang.gui`/`lang.wui`, as wazo-provd-plugins' Yealink plugin maps them.
    static let languages: [String: String] = [
        "de_DE": "German", "en_US": "English", "es_ES": "Spanish", "fr_FR": "French", "fr_CA": "French",
        "it_IT": "Italian",
    ]

    /// Olson zone → (`local_time.time_zone`, `local_time.time_zone_name`). Others are left to the phone.
    static let timezones: [String: (offset: String, name: String)] = [
        "Europe/Paris": ("+1", "France(Paris)"),
        "Europe/Berlin": ("+1", "Germany(Berlin)"),
    ]
}
