/// A hunt group (HUNT-1..5): rings members on their answer points; holds no waiting callers.
public struct HuntGroupConfig: Sendable, Equatable, Codable {
    /// The group's id.
    public var id: HuntGroupID
    /// Display name.
    public var name: String
    /// The number callers dial.
    public var number: String
    /// Members in ringing order.
    public var members: [UserID]
    /// Parallel or serial ringing (HUNT-2).
    public var mode: HuntMode
    /// Shuffle the order for every call (seeded).
    public var randomOrder: Bool
    /// Seconds each ring step lasts.
    public var ringSeconds: Int
    /// Rounds (parallel) or passes over all members (serial) before overflow (HUNT-4).
    public var attempts: Int
    /// Members whose activity is one of these are skipped (HUNT-3).
    public var excludeActivities: [ActivityID]
    /// Members whose role is one of these are skipped (HUNT-3).
    public var excludeRoles: [RoleID]
    /// Terminals that ring; empty = all of the member's.
    public var terminals: [Terminal]
    /// Messages played before ringing (HUNT-5).
    public var messagesBefore: [String]
    /// Messages played when nobody answered, before overflow (HUNT-5).
    public var messagesAfter: [String]
    /// Where unanswered calls go.
    public var overflow: String?
    /// Schedule name (ROUTE-7); nil = always open.
    public var schedule: String?
    /// Where calls go when closed.
    public var night: String?

    /// Creates a hunt group; defaults: parallel, 20 s, one round.
    public init(
        id: HuntGroupID, name: String, number: String, members: [UserID], mode: HuntMode = .parallel, randomOrder: Bool = false,
        ringSeconds: Int = 20, attempts: Int = 1, excludeActivities: [ActivityID] = [], excludeRoles: [RoleID] = [],
        terminals: [Terminal] = [], messagesBefore: [String] = [], messagesAfter: [String] = [], overflow: String? = nil,
        schedule: String? = nil, night: String? = nil
    ) {
        self.id = id
        self.name = name
        self.number = number
        self.members = members
        self.mode = mode
        self.randomOrder = randomOrder
        self.ringSeconds = ringSeconds
        self.attempts = attempts
        self.excludeActivities = excludeActivities
        self.excludeRoles = excludeRoles
        self.terminals = terminals
        self.messagesBefore = messagesBefore
        self.messagesAfter = messagesAfter
        self.overflow = overflow
        self.schedule = schedule
        self.night = night
    }
}

/// How a hunt group rings.
public enum HuntMode: String, Sendable, Equatable, Codable, CaseIterable {
    case parallel
    case serial
}
