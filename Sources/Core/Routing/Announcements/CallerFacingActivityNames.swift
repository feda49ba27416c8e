/// What callers hear for each activity, per language: a phrase that follows "<name> is" (PRES-9).
///
/// The catalogue's `name` is for users and may be in any one language, so it is not spoken; activities
/// without a phrase in the caller's language are spoken as the neutral "unavailable". `sick` is spoken as
/// "absent": health is nobody's business but the user's.
public struct CallerFacingActivityNames: Sendable, Equatable, Codable {
    /// Phrases by activity and language.
    public private(set) var names: [ActivityID: [PhraseLanguage: String]]

    /// Phrases for the given activities (see ``standard`` for the built-in ones).
    public init(_ names: [ActivityID: [PhraseLanguage: String]]) {
        self.names = names
    }

    /// These phrases with `overrides` taking precedence, language by language.
    public func merging(_ overrides: [ActivityID: [PhraseLanguage: String]]) -> CallerFacingActivityNames {
        var merged = names
        for (activity, phrases) in overrides { merged[activity, default: [:]].merge(phrases) { _, new in new } }
        return CallerFacingActivityNames(merged)
    }

    /// The phrase for `activity` in `language`, or the neutral fallback.
    public func phrase(for activity: ActivityID, in language: PhraseLanguage) -> String {
        names[activity]?[language] ?? Self.unavailable[language] ?? "unavailable"
    }

    /// Whether a phrase exists for `activity` in `language` (otherwise the neutral fallback is used).
    public func hasPhrase(for activity: ActivityID, in language: PhraseLanguage) -> Bool {
        names[activity]?[language] != nil
    }

    /// The neutral phrase for an activity without one.
    public static let unavailable: [PhraseLanguage: String] = [
        .english: "unavailable", .swedish: "inte tillgänglig", .finnish: "ei tavoitettavissa",
    ]

    /// Phrases for the nine activities of ``ActivityCatalogue/standard``.
    public static let standard = CallerFacingActivityNames([
        "at_office": [.english: "at the office", .swedish: "på kontoret", .finnish: "toimistolla"],
        "available": [.english: "available", .swedish: "tillgänglig", .finnish: "tavoitettavissa"],
        "remote_work": [.english: "working remotely", .swedish: "på distans", .finnish: "etätöissä"],
        "sick": [.english: "absent", .swedish: "frånvarande", .finnish: "poissa"],
        "busy": [.english: "busy", .swedish: "upptagen", .finnish: "varattu"],
        "at_lunch": [.english: "at lunch", .swedish: "på lunch", .finnish: "lounaalla"],
        "in_meeting": [.english: "in a meeting", .swedish: "i möte", .finnish: "kokouksessa"],
        "off_duty": [.english: "off duty", .swedish: "ledig", .finnish: "vapaalla"],
        "on_vacation": [.english: "on vacation", .swedish: "på semester", .finnish: "lomalla"],
    ])
}
