import Foundation
import HubCore

/// The settings keys every calendar adapter shares for its tenant's rules, parsed the same way everywhere:
///
/// ```toml
/// opt_in = "show_as"                    # or "keyword"
/// keywords = ["Presence", "h:=on_vacation"]   # keyword, optionally "=activity"
/// activity_busy = "in_meeting"          # "" = busy entries set nothing
/// activity_out_of_office = "on_vacation"
/// activity_tentative = ""               # tentative entries set nothing (default)
/// activity_working_elsewhere = ""
/// publish_subjects = false
/// ```
///
/// An adapter's `Settings.Keys` lists these keys too (unknown-key checks read it); its decoder calls
/// `CalendarPolicySettings(from: decoder)` on the same table.
public struct CalendarPolicySettings: Decodable, Sendable, Equatable {
    /// `opt_in`.
    public var optIn: String?
    /// `keywords`.
    public var keywords: [String]?
    /// `activity_busy`.
    public var activityBusy: String?
    /// `activity_out_of_office`.
    public var activityOutOfOffice: String?
    /// `activity_tentative`.
    public var activityTentative: String?
    /// `activity_working_elsewhere`.
    public var activityWorkingElsewhere: String?
    /// `publish_subjects`.
    public var publishSubjects: Bool?

    /// The shared keys.
    public enum Keys: String, CodingKey, CaseIterable {
        case optIn = "opt_in"
        case keywords
        case activityBusy = "activity_busy"
        case activityOutOfOffice = "activity_out_of_office"
        case activityTentative = "activity_tentative"
        case activityWorkingElsewhere = "activity_working_elsewhere"
        case publishSubjects = "publish_subjects"
    }

    /// The keys, for an adapter's `Settings.Keys`.
    public static let keys = Keys.allCases.map(\.stringValue)

    /// Creates the values as decoded (nil = key absent, default applies).
    public init(
        optIn: String? = nil, keywords: [String]? = nil, activityBusy: String? = nil, activityOutOfOffice: String? = nil,
        activityTentative: String? = nil, activityWorkingElsewhere: String? = nil, publishSubjects: Bool? = nil
    ) {
        self.optIn = optIn
        self.keywords = keywords
        self.activityBusy = activityBusy
        self.activityOutOfOffice = activityOutOfOffice
        self.activityTentative = activityTentative
        self.activityWorkingElsewhere = activityWorkingElsewhere
        self.publishSubjects = publishSubjects
    }

    /// Decodes the shared keys from an adapter's `[settings]` table (other keys are left to the adapter).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(
            optIn: try c.decodeIfPresent(String.self, forKey: .optIn),
            keywords: try c.decodeIfPresent([String].self, forKey: .keywords),
            activityBusy: try c.decodeIfPresent(String.self, forKey: .activityBusy),
            activityOutOfOffice: try c.decodeIfPresent(String.self, forKey: .activityOutOfOffice),
            activityTentative: try c.decodeIfPresent(String.self, forKey: .activityTentative),
            activityWorkingElsewhere: try c.decodeIfPresent(String.self, forKey: .activityWorkingElsewhere),
            publishSubjects: try c.decodeIfPresent(Bool.self, forKey: .publishSubjects))
    }

    /// The sync engine's options: this policy plus an adapter's scheduling settings.
    public func syncOptions(pollInterval: Duration, maxConcurrent: Int, lookaheadDays: Int) throws(PluginError) -> CalendarSyncOptions {
        CalendarSyncOptions(
            policy: try policy(), pollInterval: pollInterval, maxConcurrentPerServer: maxConcurrent, lookaheadDays: lookaheadDays)
    }

    /// The policy, or ``PluginError/misconfigured(_:)`` naming the first bad key (`settings.<key>: …`).
    public func policy() throws(PluginError) -> CalendarPresencePolicy {
        func bad(_ key: String, _ message: String) -> PluginError { .misconfigured("settings.\(key): \(message)") }
        let mode: CalendarPresencePolicy.OptIn
        switch optIn ?? "show_as" {
        case "show_as": mode = .showAs
        case "keyword": mode = .keyword
        case let other: throw bad("opt_in", "must be \"show_as\" or \"keyword\" (got \"\(other)\")")
        }
        var activities = CalendarPresencePolicy.defaultActivities
        let mapped: [(String, String?, CalendarBlock.ShowAs)] = [
            ("activity_busy", activityBusy, .busy), ("activity_out_of_office", activityOutOfOffice, .outOfOffice),
            ("activity_tentative", activityTentative, .tentative),
            ("activity_working_elsewhere", activityWorkingElsewhere, .workingElsewhere),
        ]
        for (key, value, showAs) in mapped {
            guard let value else { continue }
            if value.isEmpty {
                activities[showAs] = nil
            } else {
                guard Slug.isValid(value) else { throw bad(key, "'\(value)' is not an activity id (\(Slug.rule))") }
                activities[showAs] = ActivityID(value)
            }
        }
        var parsed: [CalendarKeyword] = []
        for (index, entry) in (keywords ?? []).enumerated() {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let text = parts[0].trimmingCharacters(in: .whitespaces)
            let activity = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            if let activity, !Slug.isValid(activity) {
                throw bad("keywords", "entry \(index + 1) '\(entry)': '\(activity)' is not an activity id")
            }
            parsed.append(CalendarKeyword(text, activity: activity.map { ActivityID($0) }))
        }
        let policy = CalendarPresencePolicy(
            optIn: mode, activities: activities, keywords: parsed, publishSubjects: publishSubjects ?? false)
        do {
            try policy.validateShape()
        } catch {
            throw bad("keywords", error.issues.map(\.reason).joined(separator: "; "))
        }
        return policy
    }
}

extension CalendarPresencePolicy {
    /// The checks that need no catalogue: keyword mode has keywords; keywords are single, unique words.
    func validateShape() throws(ValidationError) {
        var catalogueFree = self
        catalogueFree.activities = [:]
        catalogueFree.keywords = keywords.map { CalendarKeyword($0.text) }
        try catalogueFree.validate(against: .standard)
    }
}
