import HubCore

/// A reference for the routing benchmark: the proposal in docs/benchmarks.md (Routing engine) reduced to its data
/// structures — per-queue member lists and waiting lists, agent states in an array, and a dispatch that
/// looks only at the queues and agents the input touched. It routes the same tenant shape with the same
/// strategies (ring-all, longest idle, skill) but none of the engine's other rules (overflow, rush,
/// announcements, presence, wrap-up, call log), so its rate is an upper bound for an indexed engine, not a
/// prediction of one.
struct RoutingIndexedModel {
    enum AgentState: Equatable { case free, ringing(Int), busy(Int) }

    struct Agent {
        var queues: [Int]
        var skills: [Int]
        var state: AgentState = .busy(-1)
        var idleSince = 0.0
    }

    struct Queue {
        var members: [Int]
        var strategy: QueueStrategy
        var skill: Int?
        /// Callers waiting with nothing ringing, in order; `head` skips served ones without shifting.
        var waiting: [Int] = []
        var head = 0
    }

    struct Call {
        var queue: Int
        var joinedAt: Double
        var legs: [Int] = []
    }

    /// The decisions one input produced (what the engine's effects list is for).
    enum Decision { case ring(call: Int, agent: Int), cancel(call: Int, agent: Int), connect(Int), hold(Int), play(Int, Int) }

    var agents: [Agent]
    var queues: [Queue]
    var calls: [Int: Call] = [:]
    var now = 0.0
    var nextCall = 0

    /// Models `tenant` with every agent busy (as after the workload's setup).
    init(_ tenant: RoutingTenant) {
        let queueIndex = Dictionary(uniqueKeysWithValues: tenant.plan.queues.enumerated().map { ($1.id, $0) })
        let skillIndex = Dictionary(uniqueKeysWithValues: RoutingTenant.skills.enumerated().map { ($1, $0) })
        queues = tenant.plan.queues.map { config in Queue(members: [], strategy: config.strategy, skill: config.skill.flatMap { skillIndex[$0.skill] }) }
        agents = []
        for (index, (user, memberships)) in tenant.memberships.enumerated() {
            let levels = RoutingTenant.skills.map { tenant.plan.skills[user]?[$0] ?? 0 }
            let mine = memberships.compactMap { queueIndex[$0] }
            agents.append(Agent(queues: mine, skills: levels))
            for queue in mine { queues[queue].members.append(index) }
        }
    }

    /// A new caller joins `queue`.
    mutating func offer(_ queue: Int, into out: inout [Decision]) -> Int {
        nextCall += 1
        calls[nextCall] = Call(queue: queue, joinedAt: now)
        queues[queue].waiting.append(nextCall)
        out.append(.play(nextCall, 0))
        out.append(.hold(nextCall))
        dispatch(queue: queue, into: &out)
        return nextCall
    }

    /// An agent's call ends (or they were busy from setup): they take the best waiting caller of their queues.
    mutating func end(agent: Int, into out: inout [Decision]) {
        if case let .busy(call) = agents[agent].state { calls[call] = nil }
        free(agent, into: &out)
    }

    /// `agent` answers `call`: the other legs stop and those agents look for work again.
    mutating func answer(_ call: Int, agent: Int, into out: inout [Decision]) {
        guard let legs = calls[call]?.legs, legs.contains(agent) else { return }
        calls[call]?.legs = []
        agents[agent].state = .busy(call)
        out.append(.connect(call))
        for other in legs where other != agent {
            out.append(.cancel(call: call, agent: other))
            free(other, into: &out)
        }
    }

    /// `agent`'s leg of `call` failed: the agent is free again, the caller waits at the front once nothing rings.
    mutating func fail(_ call: Int, agent: Int, into out: inout [Decision]) {
        guard var state = calls[call], let position = state.legs.firstIndex(of: agent) else { return }
        state.legs.remove(at: position)
        calls[call] = state
        agents[agent].state = .free
        agents[agent].idleSince = now
        if state.legs.isEmpty {
            var queue = queues[state.queue]
            if queue.head > 0 { queue.head -= 1; queue.waiting[queue.head] = call } else { queue.waiting.insert(call, at: 0) }
            queues[state.queue] = queue
            dispatch(queue: state.queue, into: &out)
        } else {
            free(agent, into: &out)
        }
    }

    /// A waiting caller hangs up.
    mutating func hangUp(_ call: Int) {
        guard let state = calls[call], state.legs.isEmpty else { return }
        calls[call] = nil
        if let index = queues[state.queue].waiting[queues[state.queue].head...].firstIndex(of: call) {
            queues[state.queue].waiting.remove(at: index)
        }
    }

    /// Position of a waiting caller (what a progress message needs).
    func position(_ call: Int) -> Int? {
        guard let queue = calls[call]?.queue else { return nil }
        return queues[queue].waiting[queues[queue].head...].firstIndex(of: call).map { $0 - queues[queue].head + 1 }
    }

    private mutating func free(_ agent: Int, into out: inout [Decision]) {
        agents[agent].state = .free
        agents[agent].idleSince = now
        // The best head among the agent's queues: earliest join, then queue order.
        var best: (queue: Int, joinedAt: Double)?
        for queue in agents[agent].queues where eligible(agent, queue) {
            guard let call = head(queue), let joinedAt = calls[call]?.joinedAt else { continue }
            if best == nil || joinedAt < best?.joinedAt ?? .infinity { best = (queue, joinedAt) }
        }
        if let best { dispatch(queue: best.queue, into: &out) }
    }

    private func eligible(_ agent: Int, _ queue: Int) -> Bool {
        guard let skill = queues[queue].skill else { return true }
        return agents[agent].skills[skill] >= 20
    }

    private mutating func head(_ queue: Int) -> Int? {
        while queues[queue].head < queues[queue].waiting.count {
            let call = queues[queue].waiting[queues[queue].head]
            if calls[call] != nil { return call }
            queues[queue].head += 1
        }
        return nil
    }

    /// Offers waiting callers of `queue` to its free members while both exist.
    private mutating func dispatch(queue: Int, into out: inout [Decision]) {
        while let call = head(queue) {
            let free = queues[queue].members.filter { agents[$0].state == .free && eligible($0, queue) }
            guard !free.isEmpty else { return }
            let picked: [Int]
            switch queues[queue].strategy {
            case .ringAll: picked = free
            case .skill:
                let skill = queues[queue].skill ?? 0
                let top = free.map { agents[$0].skills[skill] }.max() ?? 0
                picked = [free.filter { agents[$0].skills[skill] == top }.min { agents[$0].idleSince < agents[$1].idleSince } ?? free[0]]
            case .longestIdle, .random: picked = [free.min { agents[$0].idleSince < agents[$1].idleSince } ?? free[0]]
            }
            queues[queue].head += 1
            calls[call]?.legs = picked
            for agent in picked {
                agents[agent].state = .ringing(call)
                out.append(.ring(call: call, agent: agent))
            }
        }
    }
}
