import Foundation

// Admins write only what differs from the defaults: every field with a default may be left out.

extension QueueConfig {
    enum CodingKeys: String, CodingKey {
        case id, name, number, strategy, ringSeconds, attempts, wrapUpSeconds, terminals, skill, priority, autoLogout, overflow,
             announcements, schedule, serviceLevelSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = QueueConfig(id: "x", name: "", number: "")
        self.init(
            id: try c.decode(QueueID.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            number: try c.decode(String.self, forKey: .number),
            strategy: try c.decodeIfPresent(QueueStrategy.self, forKey: .strategy) ?? defaults.strategy,
            ringSeconds: try c.decodeIfPresent(Int.self, forKey: .ringSeconds) ?? defaults.ringSeconds,
            attempts: try c.decodeIfPresent(Int.self, forKey: .attempts) ?? defaults.attempts,
            wrapUpSeconds: try c.decodeIfPresent(Int.self, forKey: .wrapUpSeconds) ?? defaults.wrapUpSeconds,
            terminals: try c.decodeIfPresent([Terminal].self, forKey: .terminals) ?? [],
            skill: try c.decodeIfPresent(SkillRequirement.self, forKey: .skill),
            priority: try c.decodeIfPresent(Int.self, forKey: .priority) ?? 0,
            autoLogout: try c.decodeIfPresent(AutoLogoutPolicy.self, forKey: .autoLogout) ?? AutoLogoutPolicy(),
            overflow: try c.decodeIfPresent(OverflowRules.self, forKey: .overflow) ?? OverflowRules(),
            announcements: try c.decodeIfPresent(QueueAnnouncements.self, forKey: .announcements) ?? QueueAnnouncements(),
            schedule: try c.decodeIfPresent(String.self, forKey: .schedule),
            serviceLevelSeconds: try c.decodeIfPresent(Int.self, forKey: .serviceLevelSeconds) ?? defaults.serviceLevelSeconds)
    }
}

extension HuntGroupConfig {
    enum CodingKeys: String, CodingKey {
        case id, name, number, members, mode, randomOrder, ringSeconds, attempts, excludeActivities, excludeRoles, terminals,
             messagesBefore, messagesAfter, overflow, schedule, night
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(HuntGroupID.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            number: try c.decode(String.self, forKey: .number), members: try c.decode([UserID].self, forKey: .members),
            mode: try c.decodeIfPresent(HuntMode.self, forKey: .mode) ?? .parallel,
            randomOrder: try c.decodeIfPresent(Bool.self, forKey: .randomOrder) ?? false,
            ringSeconds: try c.decodeIfPresent(Int.self, forKey: .ringSeconds) ?? 20,
            attempts: try c.decodeIfPresent(Int.self, forKey: .attempts) ?? 1,
            excludeActivities: try c.decodeIfPresent([ActivityID].self, forKey: .excludeActivities) ?? [],
            excludeRoles: try c.decodeIfPresent([RoleID].self, forKey: .excludeRoles) ?? [],
            terminals: try c.decodeIfPresent([Terminal].self, forKey: .terminals) ?? [],
            messagesBefore: try c.decodeIfPresent([String].self, forKey: .messagesBefore) ?? [],
            messagesAfter: try c.decodeIfPresent([String].self, forKey: .messagesAfter) ?? [],
            overflow: try c.decodeIfPresent(String.self, forKey: .overflow),
            schedule: try c.decodeIfPresent(String.self, forKey: .schedule),
            night: try c.decodeIfPresent(String.self, forKey: .night))
    }
}

extension PersonalRule {
    enum CodingKeys: String, CodingKey { case activities, roles, action, ringSeconds, noAnswer, busy }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            activities: try c.decodeIfPresent([ActivityID].self, forKey: .activities),
            roles: try c.decodeIfPresent([RoleID].self, forKey: .roles),
            action: try c.decodeIfPresent(RuleAction.self, forKey: .action) ?? .ring([]),
            ringSeconds: try c.decodeIfPresent(Int.self, forKey: .ringSeconds) ?? 20,
            noAnswer: try c.decodeIfPresent(RuleFallback.self, forKey: .noAnswer) ?? .voicemail,
            busy: try c.decodeIfPresent(BusyAction.self, forKey: .busy) ?? .voicemail)
    }
}

extension RoutingPlan {
    enum CodingKeys: String, CodingKey {
        case queues, huntGroups, rules, skills, emergencyNumbers, emergencyAreas, userEmergencyArea, defaultEmergencyArea,
             operatorNumber, callerID
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            queues: try c.decodeIfPresent([QueueConfig].self, forKey: .queues) ?? [],
            huntGroups: try c.decodeIfPresent([HuntGroupConfig].self, forKey: .huntGroups) ?? [],
            rules: try c.decodeIfPresent([UserID: [PersonalRule]].self, forKey: .rules) ?? [:],
            skills: try c.decodeIfPresent([UserID: [SkillID: Int]].self, forKey: .skills) ?? [:],
            emergencyNumbers: try c.decodeIfPresent([String].self, forKey: .emergencyNumbers) ?? ["112"],
            emergencyAreas: try c.decodeIfPresent([String: String].self, forKey: .emergencyAreas) ?? [:],
            userEmergencyArea: try c.decodeIfPresent([UserID: String].self, forKey: .userEmergencyArea) ?? [:],
            defaultEmergencyArea: try c.decodeIfPresent(String.self, forKey: .defaultEmergencyArea),
            operatorNumber: try c.decodeIfPresent(String.self, forKey: .operatorNumber),
            callerID: try c.decodeIfPresent([RoleID: CallerIDChoice].self, forKey: .callerID) ?? [:])
    }
}

extension OverflowRules {
    enum CodingKeys: String, CodingKey { case rush, timeout, noAgents, noAnswer, night }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(rush: try c.decodeIfPresent(RushOverflow.self, forKey: .rush), timeout: try c.decodeIfPresent(TimedOverflow.self, forKey: .timeout),
                  noAgents: try c.decodeIfPresent(String.self, forKey: .noAgents), noAnswer: try c.decodeIfPresent(String.self, forKey: .noAnswer),
                  night: try c.decodeIfPresent(String.self, forKey: .night))
    }
}

extension QueueAnnouncements {
    enum CodingKeys: String, CodingKey { case welcome, queueMessage, progressEverySeconds, announcePosition, announceWait }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(welcome: try c.decodeIfPresent(String.self, forKey: .welcome), queueMessage: try c.decodeIfPresent(String.self, forKey: .queueMessage),
                  progressEverySeconds: try c.decodeIfPresent(Int.self, forKey: .progressEverySeconds) ?? 0,
                  announcePosition: try c.decodeIfPresent(Bool.self, forKey: .announcePosition) ?? true,
                  announceWait: try c.decodeIfPresent(Bool.self, forKey: .announceWait) ?? true)
    }
}

extension AutoLogoutPolicy {
    enum CodingKeys: String, CodingKey { case afterUnanswered, counts }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(afterUnanswered: try c.decodeIfPresent(Int.self, forKey: .afterUnanswered) ?? 0,
                  counts: try c.decodeIfPresent([LegFailure].self, forKey: .counts) ?? [.noAnswer])
    }
}

extension SkillRequirement {
    enum CodingKeys: String, CodingKey { case skill, minimumLevel }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(skill: try c.decode(SkillID.self, forKey: .skill), minimumLevel: try c.decodeIfPresent(Int.self, forKey: .minimumLevel) ?? 1)
    }
}
