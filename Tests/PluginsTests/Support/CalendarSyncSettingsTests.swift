import HubCore
import HubPluginSupport
import Testing

/// The shared calendar settings keys → `CalendarPresencePolicy`, with errors naming the key.
struct CalendarSyncSettingsTests {
    @Test func defaultsAreTheStandardRules() throws {
        #expect(try CalendarPolicySettings().policy() == CalendarPresencePolicy())
    }

    @Test func parsesEveryKey() throws {
        let settings = CalendarPolicySettings(
            optIn: "keyword", keywords: ["Presence", " h: = on_vacation "], activityBusy: "busy", activityOutOfOffice: "",
            activityTentative: "in_meeting", activityWorkingElsewhere: "remote_work", publishSubjects: true)
        let policy = try settings.policy()
        #expect(policy.optIn == .keyword)
        #expect(policy.keywords == [CalendarKeyword("Presence"), CalendarKeyword("h:", activity: "on_vacation")])
        #expect(policy.activities == [.busy: "busy", .tentative: "in_meeting", .workingElsewhere: "remote_work"])
        #expect(policy.publishSubjects)
    }

    @Test(arguments: [
        (CalendarPolicySettings(optIn: "tags"), "settings.opt_in: must be \"show_as\" or \"keyword\" (got \"tags\")"),
        (CalendarPolicySettings(activityBusy: "In Meeting"), "settings.activity_busy: 'In Meeting' is not an activity id (\(Slug.rule))"),
        (CalendarPolicySettings(keywords: ["h:=On Vacation"]), "settings.keywords: entry 1 'h:=On Vacation': 'On Vacation' is not an activity id"),
        (CalendarPolicySettings(optIn: "keyword"), "settings.keywords: opt-in mode 'keyword' needs at least one keyword"),
        (CalendarPolicySettings(keywords: ["m:", "M:"]), "settings.keywords: duplicate keyword 'M:'"),
    ])
    func namesTheBadKey(settings: CalendarPolicySettings, message: String) {
        #expect(throws: PluginError.misconfigured(message)) { try settings.policy() }
    }
}
