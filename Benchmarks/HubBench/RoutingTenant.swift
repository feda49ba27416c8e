import Foundation
import HubCore

/// The routing benchmark's tenant: `queues` ACD queues of about 100 agents each, every agent in two
/// or three queues, strategies ring-all / longest-idle / skill in turn, numbers that never collide.
struct RoutingTenant {
    let queueCount: Int
    let agentsPerQueue: Int
    let plan: RoutingPlan
    let users: [RoutingUser]
    /// The queues each agent logs in to.
    let memberships: [(UserID, [QueueID])]

    static let skills: [SkillID] = ["finnish", "swedish", "english", "billing", "technical"]
    static let overflow = "+358309999999"

    init(queues queueCount: Int, agentsPerQueue: Int = 100) {
        self.queueCount = queueCount
        self.agentsPerQueue = agentsPerQueue
        // 2.5 queues per agent on average, so agents = queues × agentsPerQueue / 2.5.
        let agentCount = max(queueCount * agentsPerQueue * 2 / 5, 3)
        var queues: [QueueConfig] = []
        for index in 0..<queueCount {
            let strategy: QueueStrategy = [.ringAll, .longestIdle, .skill][index % 3]
            let skill = strategy == .skill ? SkillRequirement(skill: Self.skills[index % Self.skills.count], minimumLevel: 20) : nil
            queues.append(QueueConfig(
                id: Self.queue(index), name: "Queue \(index)", number: "+35830" + Self.digits(index, 6), strategy: strategy,
                ringSeconds: 20, attempts: 3, terminals: [.softphone], skill: skill,
                overflow: OverflowRules(noAgents: Self.overflow, noAnswer: Self.overflow),
                announcements: QueueAnnouncements(welcome: "welcome", progressEverySeconds: 30)))
        }
        var users: [RoutingUser] = []
        var skills: [UserID: [SkillID: Int]] = [:]
        var memberships: [(UserID, [QueueID])] = []
        for index in 0..<agentCount {
            let id = Self.agent(index)
            users.append(RoutingUser(id: id, name: "Agent \(index)", terminals: [.softphone], enterpriseNumber: "+35820" + Self.digits(index, 7)))
            skills[id] = Dictionary(uniqueKeysWithValues: Self.skills.enumerated().map { ($1, 1 + (index * 37 + $0 * 11) % 100) })
            // Spread over the queues with co-prime strides so every queue gets about the same number of agents.
            var mine = [index % queueCount, (index * 7 + 1) % queueCount]
            if index % 2 == 0 { mine.append((index * 13 + 2) % queueCount) }
            var seen = Set<Int>()
            memberships.append((id, mine.filter { seen.insert($0).inserted }.map(Self.queue)))
        }
        plan = RoutingPlan(queues: queues, skills: skills)
        self.users = users
        self.memberships = memberships
    }

    var agentCount: Int { users.count }

    static func queue(_ index: Int) -> QueueID { QueueID("q\(index)") }
    static func agent(_ index: Int) -> UserID { UserID("a\(index)") }

    /// `value` with leading zeros to `width` digits.
    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
