import Foundation

/// The routing state machine of one tenant: decides where every call goes (personal rules, queues,
/// hunt groups, overflow, emergency) and keeps agent and queue state. Pure: time comes in with each
/// input, decisions and timers go out as effects.
public struct RoutingEngine: Sendable {
    /// The tenant's routing configuration.
    public internal(set) var plan: RoutingPlan
    /// Activities (which ones count as available for queue and group calls); changed with `replaceCatalogue`.
    public private(set) var catalogue: ActivityCatalogue
    /// Users by id with their terminals and presence.
    public internal(set) var users: [UserID: RoutingUser]
    /// The tenant's time zone, for the until-times voicemail greetings say (PRES-9).
    public var timeZone = TimeZone(identifier: "Europe/Helsinki") ?? .current
    /// Schedule names that are closed now (time control, kept current by the shell).
    public internal(set) var closedSchedules: Set<String> = []

    var calls: [CallID: CallState] = [:]
    /// Queue state at each queue's position in the plan (the scheduler's queue order).
    var queues: [QueueRuntime] = []
    /// Agents in slots that never move; `agentSlots` finds a user's.
    var agents: [AgentRuntime] = []
    var agentSlots: [UserID: Int] = [:]
    /// Calls each user is in (one, now and then two; empty when none): a short list, no hashing of call ids.
    var inCall: [UserID: [CallID]] = [:]
    var personalWaiting: [UserID: [CallID]] = [:]
    var numbers: [String: CallTarget] = [:]
    /// Position of each queue and hunt group in the plan.
    var queueIndex: [QueueID: Int] = [:]
    var huntIndex: [HuntGroupID: Int] = [:]
    /// Queue positions whose pairing may have changed since the last dispatch (callers joined, agents freed).
    var dirtyQueues: [Int] = []
    /// Agent slots whose status may have changed in this step.
    var touchedAgents: [Int] = []
    var random: SeededGenerator

    /// Creates an engine over a plan and the tenant's users.
    public init(plan: RoutingPlan = RoutingPlan(), users: [RoutingUser] = [], catalogue: ActivityCatalogue = .standard, seed: UInt64 = 1) {
        self.plan = plan
        self.catalogue = catalogue
        self.users = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.random = SeededGenerator(seed: seed)
        queues = Array(repeating: QueueRuntime(), count: plan.queues.count)
        reindex()
    }

    /// Applies one input at `now` and returns the decisions, in order.
    public mutating func handle(_ input: RoutingInput, at now: Date) -> [RoutingEffect] {
        var out = Effects()
        switch input {
        case let .offer(call): offer(call, at: now, into: &out)
        case let .dial(call): dial(call, at: now, into: &out)
        case let .clickToCall(id, user, terminal, to): clickToCall(id, user: user, terminal: terminal, to: to, at: now, into: &out)
        case .legRinging: break
        case let .legAnswered(call, leg): legAnswered(call, leg, at: now, into: &out)
        case let .legFailed(call, leg, failure): legFailed(call, leg, failure, at: now, into: &out)
        case let .callerHungUp(call): callerHungUp(call, at: now, into: &out)
        case let .callEnded(call): callEnded(call, at: now, into: &out)
        case let .transferred(call, to): transferred(call, to: to, at: now, into: &out)
        case let .requestCallback(call): requestCallback(call, at: now, into: &out)
        case let .agentLogin(user, queue): login(user, queue, at: now, into: &out)
        case let .agentLogout(user, queue): logout(user, queue, reason: .manual, at: now, into: &out)
        case let .presence(user, activity, role, until): presenceChanged(user, activity: activity, role: role, until: until, at: now, into: &out)
        case let .requestSupervisor(user): supervisorRequest(user, into: &out)
        case let .timer(timer): fire(timer, at: now, into: &out)
        }
        refreshFreeAgents(at: now)
        dispatch(at: now, into: &out)
        publishAgentStates(at: now, into: &out)
        return out.list
    }

    /// Replaces the plan; waiting callers and agents stay, logins to removed queues end.
    public mutating func replacePlan(_ plan: RoutingPlan, at now: Date) -> [RoutingEffect] {
        let oldIDs = self.plan.queues.map(\.id)
        let old = queues
        self.plan = plan
        reindex()
        // Queue state follows each queue by id; membership and free lists are built again from the agents.
        queues = Array(repeating: QueueRuntime(), count: plan.queues.count)
        for (oldPosition, id) in oldIDs.enumerated() {
            guard let position = queueIndex[id] else { continue }
            queues[position].waiting = old[oldPosition].waiting
            queues[position].availability = old[oldPosition].availability
            queues[position].handleTimes = old[oldPosition].handleTimes
        }
        dirtyQueues = []
        for slot in agents.indices {
            let kept = agents[slot].queues.compactMap { queueIndex[oldIDs[$0]] }.sorted()
            let shrank = kept.count != agents[slot].queues.count
            agents[slot].queues = kept
            updateEligibility(slot)
            for position in kept { queues[position].members.append(slot) }
            if agents[slot].free {
                for position in agents[slot].eligibleQueues { queues[position].free.append(slot) }
            }
            if shrank { touch(slot: slot) }
        }
        for position in queues.indices { markDirty(position) }
        var out = Effects()
        refreshFreeAgents(at: now)
        dispatch(at: now, into: &out)
        publishAgentStates(at: now, into: &out)
        return out.list
    }

    /// Adds or replaces a user (directory change); presence kept when the view says so.
    public mutating func upsertUser(_ user: RoutingUser) {
        users[user.id] = user
        if let slot = agentSlots[user.id] {
            agents[slot].present = isAvailableByPresence(user.id)
            for position in agents[slot].queues { queues[position].eligibleCount = nil }
            touch(slot: slot)
        }
        reindex()
    }

    /// Forgets a user who was removed from the directory.
    public mutating func removeUser(_ id: UserID, at now: Date) -> [RoutingEffect] {
        var out = Effects()
        logout(id, nil, reason: .manual, at: now, into: &out)
        users.removeValue(forKey: id)
        publishAgentStates(at: now, into: &out)
        return out.list
    }

    /// Marks schedules closed or open (the shell evaluates time control and calls this at each change).
    public mutating func setClosedSchedules(_ names: Set<String>, at now: Date) -> [RoutingEffect] {
        closedSchedules = names
        for position in queues.indices { markDirty(position) }
        var out = Effects()
        refreshFreeAgents(at: now)
        dispatch(at: now, into: &out)
        return out.list
    }

    private mutating func reindex() {
        var numbers: [String: CallTarget] = [:]
        for user in users.values {
            if let number = user.enterpriseNumber { numbers[number] = .user(user.id) }
            if let number = user.mobileNumber, numbers[number] == nil { numbers[number] = .user(user.id) }
        }
        for queue in plan.queues { numbers[queue.number] = .queue(queue.id) }
        for group in plan.huntGroups { numbers[group.number] = .huntGroup(group.id) }
        self.numbers = numbers
        queueIndex = Dictionary(plan.queues.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        huntIndex = Dictionary(plan.huntGroups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Takes the tenant's edited catalogue: which activities count as available decides who is present, so every
    /// agent is examined again and waiting callers may now be offered.
    public mutating func replaceCatalogue(_ catalogue: ActivityCatalogue, at now: Date) -> [RoutingEffect] {
        self.catalogue = catalogue
        for slot in agents.indices {
            agents[slot].present = isAvailableByPresence(agents[slot].user)
            touch(slot: slot)
        }
        for position in queues.indices { queues[position].eligibleCount = nil }
        var out = Effects()
        refreshFreeAgents(at: now)
        dispatch(at: now, into: &out)
        publishAgentStates(at: now, into: &out)
        return out.list
    }

    /// Notes that an agent's state may have changed: its status is re-published and its queues re-dispatched.
    mutating func touch(_ user: UserID) {
        if let slot = agentSlots[user] { touch(slot: slot) }
    }

    mutating func touch(slot: Int) {
        markTouched(slot)
        for position in agents[slot].queues { markDirty(position) }
    }

    /// Lists the agent for status publication only (an offer made by the dispatcher itself).
    mutating func markTouched(_ slot: Int) {
        guard !agents[slot].touched else { return }
        agents[slot].touched = true
        touchedAgents.append(slot)
    }

    mutating func markDirty(_ position: Int) {
        guard !queues[position].dirty else { return }
        queues[position].dirty = true
        dirtyQueues.append(position)
    }

    /// The agent's slot, made on first login.
    mutating func agentSlot(for user: UserID, at now: Date) -> Int {
        if let slot = agentSlots[user] { return slot }
        let slot = agents.count
        agents.append(AgentRuntime(user: user, idleSince: now, present: isAvailableByPresence(user), inCall: !(inCall[user] ?? []).isEmpty))
        agentSlots[user] = slot
        return slot
    }

    /// The agent's state, for users who ever logged in.
    func agent(_ user: UserID) -> AgentRuntime? { agentSlots[user].map { agents[$0] } }

    /// The queue's configuration (indexed, not searched).
    func queueConfig(_ id: QueueID) -> QueueConfig? { queueIndex[id].map { plan.queues[$0] } }

    /// The hunt group's configuration.
    func huntConfig(_ id: HuntGroupID) -> HuntGroupConfig? { huntIndex[id].map { plan.huntGroups[$0] } }

    func isClosed(_ schedule: String?) -> Bool {
        schedule.map { closedSchedules.contains($0) } ?? false
    }
}

/// The effects of one input, collected in order.
struct Effects {
    // Most steps say a few things; one allocation up front instead of growing through 1, 2, 4, 8.
    var list: [RoutingEffect] = {
        var list: [RoutingEffect] = []
        list.reserveCapacity(8)
        return list
    }()
    mutating func add(_ effect: RoutingEffect) { list.append(effect) }
}
