/// The sentence grammar of each language for "<activity> until <time or date>".
extension PresencePhrase {
    static func render(activityText: String, until: Until.Form?, in language: PhraseLanguage) -> String {
        guard let until else { return activityText }
        switch (language, until) {
        case let (.english, .time(time)): return "\(activityText) until \(time)"
        case let (.swedish, .time(time)): return "\(activityText) till \(time)"
        case let (.finnish, .time(time)): return "\(activityText) klo \(time) asti"
        case let (.english, .date(date, withYear)): return "\(activityText) until \(spoken(date, withYear, .english))"
        case let (.swedish, .date(date, withYear)): return "\(activityText) till \(spoken(date, withYear, .swedish))"
        case let (.finnish, .date(date, withYear)): return "\(activityText) \(spoken(date, withYear, .finnish)) asti"
        }
    }

    /// "3 December [2027]", "3 december [2027]", "3. joulukuuta [2027]".
    private static func spoken(_ date: LocalDate, _ withYear: Bool, _ language: PhraseLanguage) -> String {
        let day = language == .finnish ? "\(date.day)." : "\(date.day)"
        let text = "\(day) \(language.monthNames[date.month - 1])"
        return withYear ? "\(text) \(date.year)" : text
    }
}
