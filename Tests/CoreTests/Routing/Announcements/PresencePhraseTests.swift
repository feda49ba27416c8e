import Foundation
import Testing

@testable import HubCore

/// Wednesday 25 November 2026, 12:00 in Helsinki (EET) and 11:00 in Stockholm (CET).
private let now = utcInstant("2026-11-25T10:00:00Z")
private let helsinki = TimeZone(identifier: "Europe/Helsinki")!
private let stockholm = TimeZone(identifier: "Europe/Stockholm")!

private func presence(_ activity: ActivityID, until: String?, note: String = "") -> Presence {
    Presence(activity: activity, until: until.map(utcInstant), note: note, source: .user, changedAt: utcInstant("2026-11-25T08:00:00Z"))
}

@Suite("Presence phrase for callers (PRES-9)")
struct PresencePhraseTests {
    /// (language, zone, activity, until, expected text)
    static let cases: [(PhraseLanguage, TimeZone, ActivityID, String?, String)] = [
        (.english, helsinki, "in_meeting", "2026-11-25T12:00:00Z", "in a meeting until 14:00"),
        (.swedish, stockholm, "in_meeting", "2026-11-25T13:00:00Z", "i möte till 14:00"),
        (.finnish, helsinki, "in_meeting", "2026-11-25T12:00:00Z", "kokouksessa klo 14:00 asti"),
        (.english, helsinki, "on_vacation", "2026-12-03T07:00:00Z", "on vacation until 3 December"),
        (.swedish, stockholm, "on_vacation", "2026-12-03T07:00:00Z", "på semester till 3 december"),
        (.finnish, helsinki, "on_vacation", "2026-12-03T07:00:00Z", "lomalla 3. joulukuuta asti"),
        // The tenant's zone decides "today": 22:30Z is 23:30 in Stockholm but 00:30 tomorrow in Helsinki.
        (.swedish, stockholm, "at_lunch", "2026-11-25T22:30:00Z", "på lunch till 23:30"),
        (.finnish, helsinki, "at_lunch", "2026-11-25T22:30:00Z", "lounaalla 26. marraskuuta asti"),
        (.english, helsinki, "at_lunch", "2026-11-25T22:30:00Z", "at lunch until 26 November"),
        // No until-time, or one that has passed: the activity alone.
        (.english, helsinki, "at_lunch", nil, "at lunch"),
        (.finnish, helsinki, "busy", "2026-11-25T09:00:00Z", "varattu"),
        // Half a year or more ahead: the year is said.
        (.english, helsinki, "on_vacation", "2027-01-10T10:00:00Z", "on vacation until 10 January"),
        (.english, helsinki, "off_duty", "2027-08-01T10:00:00Z", "off duty until 1 August 2027"),
        (.swedish, stockholm, "off_duty", "2027-08-01T10:00:00Z", "ledig till 1 augusti 2027"),
        (.finnish, helsinki, "off_duty", "2027-08-01T10:00:00Z", "vapaalla 1. elokuuta 2027 asti"),
        // Health stays private.
        (.english, helsinki, "sick", "2026-11-27T10:00:00Z", "absent until 27 November"),
        (.swedish, stockholm, "sick", nil, "frånvarande"),
        (.finnish, helsinki, "sick", nil, "poissa"),
    ]

    @Test(arguments: cases)
    func phraseInEachLanguage(
        _ language: PhraseLanguage, _ zone: TimeZone, _ activity: ActivityID, _ until: String?, _ expected: String
    ) {
        let phrase = PresencePhrase(
            presence: presence(activity, until: until), catalogue: .standard, language: language, timeZone: zone, now: now)
        #expect(phrase.text == expected)
        #expect(phrase.activity == activity)
        #expect(phrase.language == language)
    }

    @Test func thePartsAreThereForARecordedPromptPlayer() throws {
        let today = PresencePhrase(
            presence: presence("in_meeting", until: "2026-11-25T12:00:00Z"), catalogue: .standard, language: .english,
            timeZone: helsinki, now: now)
        #expect(today.activityText == "in a meeting")
        #expect(today.until == PresencePhrase.Until(instant: utcInstant("2026-11-25T12:00:00Z"), form: .time(try #require(LocalTime("14:00")))))
        let later = PresencePhrase(
            presence: presence("on_vacation", until: "2026-12-03T07:00:00Z"), catalogue: .standard, language: .finnish,
            timeZone: helsinki, now: now)
        #expect(later.until?.form == .date(try #require(LocalDate("2026-12-03")), withYear: false))
    }

    @Test(arguments: PhraseLanguage.allCases)
    func thePrivateNoteIsNeverSpoken(_ language: PhraseLanguage) throws {
        let note = "Dentist, root canal"
        let phrase = PresencePhrase(
            presence: presence("busy", until: "2026-11-25T12:00:00Z", note: note), catalogue: .standard,
            language: language, timeZone: helsinki, now: now)
        let json = String(decoding: try JSONEncoder().encode(phrase), as: UTF8.self)
        #expect(!phrase.text.contains("Dentist"))
        #expect(!json.contains("Dentist"))
    }

    @Test func customActivitiesUseTenantPhrasesOrTheNeutralOne() throws {
        var catalogue = ActivityCatalogue.standard
        try catalogue.upsert(Activity(id: "at_customer", name: "At a customer's", availableForGroupCalls: false))
        let bare = PresencePhrase(
            presence: presence("at_customer", until: nil), catalogue: catalogue, language: .swedish, timeZone: stockholm,
            now: now)
        #expect(bare.text == "inte tillgänglig")
        let names = CallerFacingActivityNames.standard.merging([
            "at_customer": [.swedish: "hos en kund"], "in_meeting": [.english: "in a conference"],
        ])
        let named = PresencePhrase(
            presence: presence("at_customer", until: "2026-11-25T14:00:00Z"), catalogue: catalogue, language: .swedish,
            timeZone: stockholm, now: now, names: names)
        #expect(named.text == "hos en kund till 15:00")
        #expect(names.phrase(for: "in_meeting", in: .english) == "in a conference")
        #expect(names.phrase(for: "in_meeting", in: .swedish) == "i möte")
    }

    @Test func anActivityRemovedFromTheCatalogueIsSpokenNeutrally() {
        let phrase = PresencePhrase(
            presence: presence("gone_fishing", until: nil), catalogue: .standard, language: .english, timeZone: helsinki,
            now: now, names: CallerFacingActivityNames.standard.merging(["gone_fishing": [.english: "fishing"]]))
        #expect(phrase.text == "unavailable")
    }

    @Test func everyStandardActivityHasAPhraseInEveryLanguage() {
        for activity in ActivityCatalogue.standard.activities {
            for language in PhraseLanguage.allCases {
                #expect(CallerFacingActivityNames.standard.hasPhrase(for: activity.id, in: language), "\(activity.id) \(language)")
            }
        }
    }
}
