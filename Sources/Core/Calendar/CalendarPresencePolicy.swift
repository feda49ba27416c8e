import Foundation

/// A tenant's choices for calendar-driven presence (INT-CAL): which entries count and what they set.
///
/// The default is the common product behaviour: out-of-office sets `on_vacation`, busy sets `in_meeting`,
/// free / tentative / working-elsewhere set nothing, and subjects are not published.
public struct CalendarPresencePolicy: Sendable, Equatable, Codable {
    /// Which entries may change presence.
    public enum OptIn: String, Sendable, Equatable, Codable, CaseIterable {
        /// Every entry whose show-as maps to an activity (users opt out by marking entries free).
        case showAs = "show_as"
        /// Only entries carrying one of ``CalendarPresencePolicy/keywords`` as a category or subject prefix.
        case keyword
    }

    /// The opt-in mode.
    public var optIn: OptIn
    /// Show-as class → activity; a class without an entry sets nothing.
    public var activities: [CalendarBlock.ShowAs: ActivityID]
    /// Keywords for ``OptIn/keyword`` mode, in priority order.
    public var keywords: [CalendarKeyword]
    /// Whether the subject (keyword stripped) of a normal-sensitivity entry becomes the note; private,
    /// personal and confidential entries never publish their subject.
    public var publishSubjects: Bool

    /// The default mapping: out-of-office → `on_vacation`, busy → `in_meeting`.
    public static let defaultActivities: [CalendarBlock.ShowAs: ActivityID] = [
        .outOfOffice: "on_vacation", .busy: "in_meeting",
    ]

    /// Creates a policy.
    public init(
        optIn: OptIn = .showAs, activities: [CalendarBlock.ShowAs: ActivityID] = CalendarPresencePolicy.defaultActivities,
        keywords: [CalendarKeyword] = [], publishSubjects: Bool = false
    ) {
        self.optIn = optIn
        self.activities = activities
        self.keywords = keywords
        self.publishSubjects = publishSubjects
    }

    /// Checks the policy against the tenant's catalogue: every activity must exist, keyword mode needs
    /// keywords, and keywords must be non-blank and unique (case-insensitive).
    public func validate(against catalogue: ActivityCatalogue) throws(ValidationError) {
        var issues = ValidationCollector()
        for showAs in CalendarBlock.ShowAs.allCases {
            if let activity = activities[showAs], catalogue.activity(activity) == nil {
                issues.add("$.activities.\(showAs.rawValue)", "unknown activity '\(activity)'")
            }
        }
        if optIn == .keyword, keywords.isEmpty {
            issues.add("$.keywords", "opt-in mode 'keyword' needs at least one keyword")
        }
        var seen = Set<String>()
        for (index, keyword) in keywords.enumerated() {
            let folded = keyword.text.trimmingCharacters(in: .whitespaces).lowercased()
            if folded.isEmpty || folded.contains(where: \.isWhitespace) {
                issues.add("$.keywords[\(index)].text", "must be one word without spaces (got '\(keyword.text)')")
            } else if !seen.insert(folded).inserted {
                issues.add("$.keywords[\(index)].text", "duplicate keyword '\(keyword.text)'")
            }
            if let activity = keyword.activity, catalogue.activity(activity) == nil {
                issues.add("$.keywords[\(index)].activity", "unknown activity '\(activity)'")
            }
        }
        try issues.finish()
    }
}

/// An opt-in keyword: a category name on the entry, or the first word of its subject (`m:`, `Presence`).
public struct CalendarKeyword: Sendable, Equatable, Codable {
    /// The keyword, matched case-insensitively as a whole word.
    public var text: String
    /// The activity entries with this keyword set; nil uses the show-as mapping (or the busy activity).
    public var activity: ActivityID?

    /// Creates a keyword.
    public init(_ text: String, activity: ActivityID? = nil) {
        self.text = text
        self.activity = activity
    }
}
