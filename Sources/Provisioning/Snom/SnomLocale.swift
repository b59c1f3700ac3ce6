/// Snom's spellings of a locale and a time zone.
enum SnomLocale {
    /// Locale → (`language`/`web_language`, `tone_scheme`), as wazo-provd-plugins' Snom plugin maps them.
    static let languages: [String: (language: String, toneScheme: String)] = [
        "de_DE": ("Deutsch", "GER"),
        "en_US": ("English", "USA"),
        "es_ES": ("Espanol", "ESP"),
        "fr_FR": ("Francais", "FRA"),
        "fr_CA": ("Francais", "USA"),
        "it_IT": ("Italiano", "ITA"),
        "nl_NL": ("Dutch", "NLD"),
    ]

    /// Olson zone → Snom `timezone` code (country + standard UTC offset). Only zones whose code we have seen;
    /// for any other the setting is left out and the phone keeps its own (a site template can set it).
    static let timezones: [String: String] = [
        "Europe/Paris": "FRA+1",
        "Europe/Berlin": "GER+1",
    ]
}
