import Foundation
import HubCore
import Testing

@Suite("Calendar presence policy (INT-CAL)")
struct CalendarPresencePolicyTests {
    @Test func defaultsFitTheStandardCatalogue() throws {
        try CalendarPresencePolicy().validate(against: .standard)
        #expect(CalendarPresencePolicy().activities == [.outOfOffice: "on_vacation", .busy: "in_meeting"])
        #expect(CalendarPresencePolicy().optIn == .showAs)
        #expect(CalendarPresencePolicy().publishSubjects == false)
    }

    @Test(arguments: [
        (CalendarPresencePolicy(activities: [.busy: "meeting"]), ["$.activities.busy"]),
        (CalendarPresencePolicy(optIn: .keyword), ["$.keywords"]),
        (CalendarPresencePolicy(optIn: .keyword, keywords: [CalendarKeyword("m:"), CalendarKeyword("M:")]), ["$.keywords[1].text"]),
        (CalendarPresencePolicy(optIn: .keyword, keywords: [CalendarKeyword(" "), CalendarKeyword("two words")]),
         ["$.keywords[0].text", "$.keywords[1].text"]),
        (CalendarPresencePolicy(optIn: .keyword, keywords: [CalendarKeyword("h:", activity: "holiday")]), ["$.keywords[0].activity"]),
    ])
    func rejectsBadPolicies(policy: CalendarPresencePolicy, paths: [String]) {
        #expect(throws: ValidationError.self) { try policy.validate(against: .standard) }
        do {
            try policy.validate(against: .standard)
        } catch {
            #expect(error.issues.map(\.path) == paths)
        }
    }

    @Test(arguments: [
        ("m:", "m: Budget", "Budget"), ("m:", "M:Budget", "Budget"), ("Presence", "presence", ""),
        ("Presence", "\tPresence   weekly sync", "weekly sync"),
    ])
    func stripsKeywords(keyword: String, subject: String, rest: String) {
        #expect(CalendarKeyword(keyword).strippedSubject(subject) == rest)
    }

    @Test(arguments: [("m:", "mx: Budget"), ("Presence", "Presences"), ("m:", "Budget m:"), ("m:", "m"), ("m:", "")])
    func doesNotMatchElsewhere(keyword: String, subject: String) {
        #expect(CalendarKeyword(keyword).strippedSubject(subject) == nil)
        #expect(!CalendarKeyword(keyword).matches(CalendarBlock(id: "x", start: .distantPast, end: .distantFuture, subject: subject)))
    }
}
