/// Identifies an activity in a tenant's catalogue (`in_meeting`, `at_lunch` …).
public struct ActivityID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw activity id without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }
}

/// What a user is doing, from the tenant's catalogue (PRES-1).
public struct Activity: Codable, Sendable, Hashable, Identifiable {
    /// The activity's identifier in the catalogue (`in_meeting` …).
    public var id: ActivityID
    /// Name shown to users and callers ("In a meeting").
    public var name: String
    /// Whether the holder counts as available for group and queue calls (ACD-6, HUNT-3).
    public var availableForGroupCalls: Bool

    /// Creates a catalogue activity.
    public init(id: ActivityID, name: String, availableForGroupCalls: Bool) {
        self.id = id
        self.name = name
        self.availableForGroupCalls = availableForGroupCalls
    }
}

/// A presence role (PRES-2): decides caller id and which routing rules apply.
public struct RoleID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw role id without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }

    /// Calls present the enterprise number.
    public static let work: RoleID = "work"
    /// Calls present the mobile number.
    public static let mobile: RoleID = "mobile"
}
