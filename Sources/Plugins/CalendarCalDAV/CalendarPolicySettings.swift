import Foundation
import HubCore
import HubPluginSupport

/// The settings keys every calendar adapter shares (opt-in mode, keywords, activity mapping, subjects),
/// read from the same `[settings]` table as the adapter's own keys.
///
/// A copy lives in each calendar plugin until Support offers one (plugins cannot share code otherwise).
struct CalendarPolicySettings: Decodable, Sendable, Equatable {
    /// `show_as` (default) or `keyword`.
    var optIn: String = "show_as"
    /// Keywords in priority order; `"h:=on_vacation"` gives a keyword its own activity.
    var keywords: [String] = []
    /// Activity of busy entries; empty sets nothing.
    var activityBusy: String = "in_meeting"
    /// Activity of out-of-office entries; empty sets nothing.
    var activityOutOfOffice: String = "on_vacation"
    /// Activity of tentative entries; empty (default) sets nothing.
    var activityTentative: String = ""
    /// Whether subjects of normal entries become the presence note.
    var publishSubjects: Bool = false

    /// The shared keys.
    enum Keys: String, CodingKey, CaseIterable {
        case optIn = "opt_in"
        case keywords
        case activityBusy = "activity_busy"
        case activityOutOfOffice = "activity_out_of_office"
        case activityTentative = "activity_tentative"
        case publishSubjects = "publish_subjects"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        optIn = try c.decodeIfPresent(String.self, forKey: .optIn) ?? optIn
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords) ?? keywords
        activityBusy = try c.decodeIfPresent(String.self, forKey: .activityBusy) ?? activityBusy
        activityOutOfOffice = try c.decodeIfPresent(String.self, forKey: .activityOutOfOffice) ?? activityOutOfOffice
        activityTentative = try c.decodeIfPresent(String.self, forKey: .activityTentative) ?? activityTentative
        publishSubjects = try c.decodeIfPresent(Bool.self, forKey: .publishSubjects) ?? publishSubjects
    }

    /// The policy; throws ``PluginError/misconfigured(_:)`` naming the key for bad values.
    func policy() throws(PluginError) -> CalendarPresencePolicy {
        func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
        guard let mode = CalendarPresencePolicy.OptIn(rawValue: optIn) else { throw bad(.optIn, "'\(optIn)' is not one of show_as, keyword") }
        var activities: [CalendarBlock.ShowAs: ActivityID] = [:]
        for (key, showAs, value) in [
            (Keys.activityBusy, CalendarBlock.ShowAs.busy, activityBusy), (.activityOutOfOffice, .outOfOffice, activityOutOfOffice),
            (.activityTentative, .tentative, activityTentative),
        ] where !value.isEmpty {
            guard !value.contains(where: \.isWhitespace) else { throw bad(key, "'\(value)' is not an activity id") }
            activities[showAs] = ActivityID(value)
        }
        var parsed: [CalendarKeyword] = []
        for entry in keywords {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let text = parts.first, !text.isEmpty, !text.contains(where: \.isWhitespace) else {
                throw bad(.keywords, "'\(entry)' is not a keyword (one word, optionally \"=activity\")")
            }
            if parts.count == 2, parts[1].isEmpty { throw bad(.keywords, "'\(entry)' names no activity after '='") }
            parsed.append(CalendarKeyword(text, activity: parts.count == 2 ? ActivityID(parts[1]) : nil))
        }
        let policy = CalendarPresencePolicy(optIn: mode, activities: activities, keywords: parsed, publishSubjects: publishSubjects)
        if mode == .keyword, parsed.isEmpty { throw bad(.keywords, "opt_in = \"keyword\" needs at least one keyword") }
        let folded = parsed.map { $0.text.lowercased() }
        if Set(folded).count != folded.count { throw bad(.keywords, "lists a keyword twice") }
        return policy
    }

    /// The engine options for this policy and the adapter's scheduling settings.
    func options(pollInterval: Duration, maxConcurrent: Int, lookaheadDays: Int) throws(PluginError) -> CalendarSyncOptions {
        CalendarSyncOptions(
            policy: try policy(), pollInterval: pollInterval, maxConcurrentPerServer: maxConcurrent, lookaheadDays: lookaheadDays)
    }

    /// The sample lines of the shared keys, indented like the rest of a `[settings]` table.
    static let sample = """
          ## Which entries set presence: "show_as" (every busy / out-of-office entry; users opt out by
          ## marking an entry free) or "keyword" (only entries with one of the keywords below as a category
          ## or as the first word of the subject).
          # opt_in = "show_as"

          ## Keywords for opt_in = "keyword", in priority order; "word=activity" sets that activity.
          # keywords = ["Presence", "h:=on_vacation"]

          ## Activities set by busy, out-of-office and tentative entries ("" sets nothing).
          # activity_busy = "in_meeting"
          # activity_out_of_office = "on_vacation"
          # activity_tentative = ""

          ## Whether the subject of a normal (not private) entry becomes the presence note.
          # publish_subjects = false
        """
}
