import Foundation

/// What a caller hears about a user's presence in a voicemail greeting or busy message (PRES-9):
/// "in a meeting until 14:00", "på semester till 3 december", "kokouksessa klo 14:00 asti".
///
/// Built from the activity and until-time only — never the private note. Holds the parts (activity key,
/// until) for a prompt player that has recordings, and the rendered text for text-to-speech.
public struct PresencePhrase: Sendable, Hashable, Codable {
    /// The language of ``activityText`` and ``text``.
    public var language: PhraseLanguage
    /// The activity, so a player can pick a recorded prompt.
    public var activity: ActivityID
    /// The caller-facing phrase for the activity ("in a meeting").
    public var activityText: String
    /// The until-time as spoken, nil if the user set none or it has passed.
    public var until: Until?
    /// The whole phrase ("in a meeting until 14:00").
    public var text: String

    /// The until-time in the tenant's zone: a time of day when it is today, otherwise a date.
    public struct Until: Sendable, Hashable, Codable {
        /// The instant the user set.
        public var instant: Date
        /// How it is said.
        public var form: Form

        /// Time of day for today, date for another day (with the year only when it is half a year or more away).
        public enum Form: Sendable, Hashable, Codable {
            /// Later today, at this local time.
            case time(LocalTime)
            /// Another day; the year is said when `withYear`.
            case date(LocalDate, withYear: Bool)
        }

        /// Creates an until part.
        public init(instant: Date, form: Form) {
            self.instant = instant
            self.form = form
        }
    }

    /// Creates a phrase from its parts, rendering the text.
    public init(language: PhraseLanguage, activity: ActivityID, activityText: String, until: Until?) {
        self.language = language
        self.activity = activity
        self.activityText = activityText
        self.until = until
        self.text = PresencePhrase.render(activityText: activityText, until: until?.form, in: language)
    }

    /// The phrase for `presence` at `now`, with times and dates in `timeZone` (the tenant's).
    ///
    /// An activity missing from `catalogue` (removed since it was set) is spoken as the neutral phrase.
    public init(
        presence: Presence, catalogue: ActivityCatalogue, language: PhraseLanguage, timeZone: TimeZone, now: Date,
        names: CallerFacingActivityNames = .standard
    ) {
        let known = catalogue.activity(presence.activity) != nil
        let activityText = known
            ? names.phrase(for: presence.activity, in: language)
            : CallerFacingActivityNames.unavailable[language] ?? "unavailable"
        let until = presence.until.flatMap { PresencePhrase.until($0, now: now, zone: ZoneClock(zone: timeZone)) }
        self.init(language: language, activity: presence.activity, activityText: activityText, until: until)
    }

    /// Days ahead from which a date is said with its year.
    static let yearShownFromDays = 183

    static func until(_ instant: Date, now: Date, zone: ZoneClock) -> Until? {
        guard instant > now else { return nil }
        let target = zone.local(instant)
        let today = zone.local(now).day
        if target.day == today {
            let minutes = Int(target.second) / 60
            guard let time = LocalTime(hour: minutes / 60, minute: minutes % 60) else { return nil }
            return Until(instant: instant, form: .time(time))
        }
        let withYear = target.day - today >= yearShownFromDays
        return Until(instant: instant, form: .date(LocalDate(dayNumber: target.day), withYear: withYear))
    }
}
