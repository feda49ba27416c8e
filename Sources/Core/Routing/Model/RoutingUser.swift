import Foundation

/// What the routing engine knows of a user: terminals, numbers, presence, calls in progress.
public struct RoutingUser: Sendable, Equatable {
    /// The user's id.
    public var id: UserID
    /// Display name shown on ringing terminals.
    public var name: String
    /// Terminals the user's profile has (ROUTE-2).
    public var terminals: [Terminal]
    /// The direct number.
    public var enterpriseNumber: String?
    /// The mobile number (rung for the mobile terminal, ROUTE-3).
    public var mobileNumber: String?
    /// Whether the profile is `basic` (never a hunt-group member).
    public var isBasic: Bool
    /// Current activity.
    public var activity: ActivityID
    /// Current role.
    public var role: RoleID
    /// Until when the activity lasts, if known.
    public var until: Date?

    /// Creates a routing view of a user.
    public init(id: UserID, name: String, terminals: [Terminal], enterpriseNumber: String? = nil, mobileNumber: String? = nil,
                isBasic: Bool = false, activity: ActivityID = "available", role: RoleID = .work, until: Date? = nil) {
        self.id = id
        self.name = name
        self.terminals = terminals
        self.enterpriseNumber = enterpriseNumber
        self.mobileNumber = mobileNumber
        self.isBasic = isBasic
        self.activity = activity
        self.role = role
        self.until = until
    }

    /// Builds the routing view from a directory user and their presence.
    public init(_ user: User, presence: Presence?) {
        self.init(
            id: user.id, name: user.displayName, terminals: user.profile.terminals,
            enterpriseNumber: user.enterpriseNumber?.e164, mobileNumber: user.mobileNumber?.e164,
            isBasic: user.profile == .basic, activity: presence?.activity ?? "available", role: presence?.role ?? .work,
            until: presence?.until)
    }
}
