/// A tenant's routing configuration: queues, hunt groups, personal rules, emergency areas, caller IDs.
public struct RoutingPlan: Sendable, Equatable, Codable {
    /// ACD queues in scheduler order (earlier first on equal priority and wait).
    public var queues: [QueueConfig]
    /// Hunt groups.
    public var huntGroups: [HuntGroupConfig]
    /// Personal rules by user, first applicable rule wins.
    public var rules: [UserID: [PersonalRule]]
    /// Agents' skills and levels (1…100).
    public var skills: [UserID: [SkillID: Int]]
    /// Numbers that are emergency calls (ROUTE-6).
    public var emergencyNumbers: [String]
    /// Emergency centre number by area id.
    public var emergencyAreas: [String: String]
    /// Each user's emergency area; users without one use `defaultEmergencyArea`.
    public var userEmergencyArea: [UserID: String]
    /// The area for users without their own.
    public var defaultEmergencyArea: String?
    /// The operator's number (rules may send calls there).
    public var operatorNumber: String?
    /// Caller ID by role for outgoing calls (ROUTE-4); roles without an entry show the enterprise number.
    public var callerID: [RoleID: CallerIDChoice]

    /// Creates a plan.
    public init(
        queues: [QueueConfig] = [], huntGroups: [HuntGroupConfig] = [], rules: [UserID: [PersonalRule]] = [:],
        skills: [UserID: [SkillID: Int]] = [:], emergencyNumbers: [String] = ["112"], emergencyAreas: [String: String] = [:],
        userEmergencyArea: [UserID: String] = [:], defaultEmergencyArea: String? = nil, operatorNumber: String? = nil,
        callerID: [RoleID: CallerIDChoice] = [:]
    ) {
        self.queues = queues
        self.huntGroups = huntGroups
        self.rules = rules
        self.skills = skills
        self.emergencyNumbers = emergencyNumbers
        self.emergencyAreas = emergencyAreas
        self.userEmergencyArea = userEmergencyArea
        self.defaultEmergencyArea = defaultEmergencyArea
        self.operatorNumber = operatorNumber
        self.callerID = callerID
    }

    /// The queue with `id`.
    public func queue(_ id: QueueID) -> QueueConfig? { queues.first { $0.id == id } }
    /// The hunt group with `id`.
    public func huntGroup(_ id: HuntGroupID) -> HuntGroupConfig? { huntGroups.first { $0.id == id } }
}

/// Which number an outgoing call shows (ROUTE-4).
public enum CallerIDChoice: Sendable, Equatable, Codable {
    /// The user's enterprise (direct) number.
    case enterpriseNumber
    /// The user's mobile number.
    case mobileNumber
    /// A queue's number (e.g. for customer-service agents).
    case queue(QueueID)
    /// A fixed number (the company's main number).
    case number(String)
    /// Withheld.
    case withheld
}
