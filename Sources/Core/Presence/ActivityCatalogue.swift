/// A tenant's presence catalogue: its activities and roles, edited by the main admin (PRES-1, PRES-2).
public struct ActivityCatalogue: Codable, Sendable, Equatable {
    /// The activities users of the tenant can choose from.
    public private(set) var activities: [Activity]
    /// The presence roles users can switch between (PRES-2).
    public private(set) var roles: [RoleID]
    /// The activity an expired automatic change returns to (PRES-8, INT-ACS).
    public private(set) var revertActivity: ActivityID

    /// Creates a catalogue, throwing every rule it breaks (bad or duplicate ids, unknown revert activity …).
    public init(activities: [Activity], roles: [RoleID], revertActivity: ActivityID) throws(ValidationError) {
        self.activities = activities
        self.roles = roles
        self.revertActivity = revertActivity
        try validate()
    }

    private enum CodingKeys: String, CodingKey { case activities, roles, revertActivity }

    /// Decodes a catalogue and applies the same rules as ``init(activities:roles:revertActivity:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            activities: c.decode([Activity].self, forKey: .activities),
            roles: c.decode([RoleID].self, forKey: .roles),
            revertActivity: c.decode(ActivityID.self, forKey: .revertActivity))
    }

    private init(unchecked activities: [Activity], roles: [RoleID], revertActivity: ActivityID) {
        self.activities = activities
        self.roles = roles
        self.revertActivity = revertActivity
    }

    /// The nine default activities and the two default roles.
    public static let standard: ActivityCatalogue = {
        let rows: [(String, String, Bool)] = [
            ("at_office", "At the office", true),
            ("available", "Available", true),
            ("remote_work", "Remote work", true),
            ("sick", "Sick", false),
            ("busy", "Busy", false),
            ("at_lunch", "At lunch", false),
            ("in_meeting", "In a meeting", false),
            ("off_duty", "Off duty", false),
            ("on_vacation", "On vacation", false),
        ]
        let activities = rows.map { Activity(id: ActivityID($0.0), name: $0.1, availableForGroupCalls: $0.2) }
        // The literal above satisfies every rule `validate` checks; CoreTests re-validate it.
        return ActivityCatalogue(unchecked: activities, roles: [.work, .mobile], revertActivity: "available")
    }()

    /// The activity with `id`, if the catalogue has it.
    public func activity(_ id: ActivityID) -> Activity? { activities.first { $0.id == id } }

    /// Whether the catalogue has the role.
    public func hasRole(_ role: RoleID) -> Bool { roles.contains(role) }

    /// Adds or replaces an activity.
    public mutating func upsert(_ activity: Activity) throws(ValidationError) {
        var copy = self
        if let index = copy.activities.firstIndex(where: { $0.id == activity.id }) {
            copy.activities[index] = activity
        } else {
            copy.activities.append(activity)
        }
        try copy.validate()
        self = copy
    }

    /// Removes an activity; the revert activity cannot be removed.
    public mutating func remove(_ id: ActivityID) throws(ValidationError) {
        guard id != revertActivity else {
            throw ValidationError(path: "$.id", reason: "'\(id)' is the revert activity and cannot be removed")
        }
        guard activities.contains(where: { $0.id == id }) else {
            throw ValidationError(path: "$.id", reason: "no activity '\(id)' in the catalogue")
        }
        activities.removeAll { $0.id == id }
    }

    /// Chooses the activity expired automatic changes return to; it must be in the catalogue.
    public mutating func setRevertActivity(_ id: ActivityID) throws(ValidationError) {
        var copy = self
        copy.revertActivity = id
        try copy.validate()
        self = copy
    }

    /// Replaces the role list; `work` and `mobile` always stay.
    public mutating func setRoles(_ roles: [RoleID]) throws(ValidationError) {
        var copy = self
        copy.roles = roles
        try copy.validate()
        self = copy
    }

    private func validate() throws(ValidationError) {
        var issues = ValidationCollector()
        if activities.isEmpty { issues.add("$.activities", "at least one activity is required") }
        if activities.count > 100 { issues.add("$.activities", "at most 100 activities") }
        var seen = Set<ActivityID>()
        for (index, activity) in activities.enumerated() {
            if !Slug.isValid(activity.id.rawValue) {
                issues.add("$.activities[\(index)].id", "'\(activity.id)' \(Slug.rule)")
            } else if !seen.insert(activity.id).inserted {
                issues.add("$.activities[\(index)].id", "duplicate id '\(activity.id)'")
            }
            if activity.name.trimmed.isEmpty || activity.name.count > 80 {
                issues.add("$.activities[\(index)].name", "must be 1-80 characters")
            }
        }
        if !seen.contains(revertActivity) {
            issues.add("$.revertActivity", "'\(revertActivity)' is not in the catalogue")
        }
        for required in [RoleID.work, .mobile] where !roles.contains(required) {
            issues.add("$.roles", "must contain '\(required)'")
        }
        for (index, role) in roles.enumerated() where !Slug.isValid(role.rawValue) {
            issues.add("$.roles[\(index)]", "'\(role)' \(Slug.rule)")
        }
        if Set(roles).count != roles.count { issues.add("$.roles", "duplicate role") }
        try issues.finish()
    }
}
