/// One personal routing rule (ROUTE-1): when it applies and what happens to a call.
public struct PersonalRule: Sendable, Equatable, Codable {
    /// Applies when the user's activity is one of these; nil = any activity.
    public var activities: [ActivityID]?
    /// Applies when the user's role is one of these; nil = any role.
    public var roles: [RoleID]?
    /// What happens first.
    public var action: RuleAction
    /// Seconds of ringing before `noAnswer` (ring actions).
    public var ringSeconds: Int
    /// After no answer.
    public var noAnswer: RuleFallback
    /// When the user is already in a call.
    public var busy: BusyAction

    /// Creates a rule.
    public init(activities: [ActivityID]? = nil, roles: [RoleID]? = nil, action: RuleAction = .ring([]), ringSeconds: Int = 20,
                noAnswer: RuleFallback = .voicemail, busy: BusyAction = .voicemail) {
        self.activities = activities
        self.roles = roles
        self.action = action
        self.ringSeconds = ringSeconds
        self.noAnswer = noAnswer
        self.busy = busy
    }

    /// Whether the rule applies to this activity and role.
    public func applies(activity: ActivityID, role: RoleID) -> Bool {
        (activities?.contains(activity) ?? true) && (roles?.contains(role) ?? true)
    }

    /// The rule used when none of a user's rules applies: ring everything, then voicemail.
    public static let fallback = PersonalRule()
}

/// The first step of a personal rule.
public enum RuleAction: Sendable, Equatable, Codable {
    /// Ring these terminals together (ROUTE-2); empty = all the user has.
    case ring([Terminal])
    /// Forward to a number or colleague's number.
    case forward(String)
    /// Straight to voicemail.
    case voicemail
    /// To the operator.
    case `operator`
}

/// What follows an unanswered personal call.
public enum RuleFallback: Sendable, Equatable, Codable {
    case voicemail
    case forward(String)
    case `operator`
}

/// What a call to a user already in a call does.
public enum BusyAction: Sendable, Equatable, Codable {
    case voicemail
    case forward(String)
    case `operator`
    /// Ring anyway (call waiting).
    case ringAnyway
    /// Wait in the user's personal queue and ring them when their call ends (ACD-11).
    case personalQueue
}
