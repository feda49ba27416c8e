import Foundation

extension RoutingEngine {
    /// The one scheduler (DESIGN): pairs waiting callers with free agents across all queues, callers
    /// by priority, then wait, then queue order; an agent is offered at most one call at a time.
    /// Each queue that could pair anyone puts forward its best caller; the best of those is served, and
    /// its queue puts forward the next. Free agents only get fewer during a pass, so a queue left with
    /// nobody free drops out for good: the same order as sorting every caller, at the cost of the heads.
    mutating func dispatch(at now: Date, into out: inout Effects) {
        guard !dirtyQueues.isEmpty else { return }
        // Plain loops: a closure over `self` in a mutating method copies the whole engine.
        var heads: [QueueEntry] = []
        // A handful per pass: a linear search costs less than hashing every waiting caller's id.
        var served: [CallID] = []
        for queue in dirtyQueues where hasFreeMember(queue) {
            if let head = bestWaiting(queue, excluding: served) { heads.append(head) }
        }
        dirtyQueues.removeAll(keepingCapacity: true)
        while !heads.isEmpty {
            var best = 0
            for index in heads.indices.dropFirst() where servedBefore(heads[index], heads[best]) { best = index }
            let entry = heads.remove(at: best)
            guard hasFreeMember(entry.queue), let queue = queueConfig(entry.queue) else { continue }
            served.append(entry.call)
            var free = freeAgents(for: queue, at: now)
            if !free.isEmpty {
                let untried = free.filter { !entry.tried.contains($0) }
                if untried.isEmpty { resetTried(entry) } else { free = untried }
                let picked = pick(free, queue: queue, at: now)
                offer(entry, queue: queue, to: picked, at: now, into: &out)
                for user in picked where agents[user]?.ringing != nil { markNotFree(user) }
            }
            if hasFreeMember(entry.queue), let next = bestWaiting(entry.queue, excluding: served) { heads.append(next) }
        }
    }

    /// The scheduler's order: priority, then wait, then queue order, then call id.
    func servedBefore(_ lhs: QueueEntry, _ rhs: QueueEntry) -> Bool {
        if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
        if lhs.joinedAt != rhs.joinedAt { return lhs.joinedAt < rhs.joinedAt }
        if lhs.queue != rhs.queue { return (queueIndex[lhs.queue] ?? .max) < (queueIndex[rhs.queue] ?? .max) }
        return lhs.call < rhs.call
    }

    /// The queue's first caller in the scheduler's order who is waiting with nothing ringing.
    func bestWaiting(_ queue: QueueID, excluding served: [CallID]) -> QueueEntry? {
        var best: QueueEntry?
        for entry in queues[queue]?.waiting ?? [] where !served.contains(entry.call) {
            if let current = best, !servedBefore(entry, current) { continue }
            guard calls[entry.call]?.legs.isEmpty == true, calls[entry.call]?.answeredLeg == nil else { continue }
            best = entry
        }
        return best
    }

    /// Re-decides, for the agents touched in this step, whether they could take a call now.
    mutating func refreshFreeAgents(at now: Date) {
        // Only a change between free and not free touches the per-queue sets; a login while free adds
        // the new queue itself, a logout removes the queues left.
        for user in touchedAgents {
            if isFree(user, at: now) {
                guard freeAgentSet.insert(user).inserted else { continue }
                for queue in agents[user]?.queues ?? [] where meetsSkill(user, queue) { freeMembers[queue, default: []].insert(user) }
            } else if freeAgentSet.remove(user) != nil {
                for queue in agents[user]?.queues ?? [] { freeMembers[queue]?.remove(user) }
            }
        }
    }

    /// After a plan change skill requirements may differ: the per-queue sets are built again from the free agents.
    mutating func rebuildFreeMembers() {
        freeMembers = [:]
        for user in freeAgentSet {
            for queue in agents[user]?.queues ?? [] where meetsSkill(user, queue) { freeMembers[queue, default: []].insert(user) }
        }
    }

    /// An offered agent is no longer free in any of their queues.
    mutating func markNotFree(_ user: UserID) {
        freeAgentSet.remove(user)
        for queue in agents[user]?.queues ?? [] { freeMembers[queue]?.remove(user) }
    }

    func isFree(_ user: UserID, at now: Date) -> Bool {
        guard let agent = agents[user], agent.present, !agent.queues.isEmpty, agent.ringing == nil, (inCall[user] ?? []).isEmpty
        else { return false }
        if let until = agent.wrapUpUntil, until > now { return false }
        return true
    }

    func meetsSkill(_ user: UserID, _ queue: QueueID) -> Bool {
        guard let skill = queueConfig(queue)?.skill else { return true }
        return (plan.skills[user]?[skill.skill] ?? 0) >= skill.minimumLevel
    }

    func hasFreeMember(_ queue: QueueID) -> Bool {
        !(freeMembers[queue]?.isEmpty ?? true)
    }

    mutating func resetTried(_ entry: QueueEntry) {
        if let index = queues[entry.queue]?.waiting.firstIndex(where: { $0.call == entry.call }) {
            queues[entry.queue]?.waiting[index].tried = []
        }
    }

    /// Agents who may be offered a call of `queue` now, in a stable order.
    func freeAgents(for queue: QueueConfig, at now: Date) -> [UserID] {
        (freeMembers[queue.id] ?? []).sorted().filter { isFree($0, at: now) }
    }

    func isAvailableByPresence(_ user: UserID) -> Bool {
        guard let activity = users[user]?.activity else { return false }
        return catalogue.activity(activity)?.availableForGroupCalls ?? false
    }

    /// ACD-6: someone is logged in whose presence lets them take queue calls (busy or not).
    func hasPresentAgent(_ queue: QueueID) -> Bool {
        (members[queue] ?? []).contains { agents[$0]?.present == true }
    }

    mutating func pick(_ free: [UserID], queue: QueueConfig, at now: Date) -> [UserID] {
        switch queue.strategy {
        case .ringAll: return free
        case .longestIdle: return [longestIdle(free)]
        case .random: return [free[Int(random.next() % UInt64(free.count))]]
        case .skill:
            guard let skill = queue.skill?.skill else { return [longestIdle(free)] }
            let best = free.map { plan.skills[$0]?[skill] ?? 0 }.max() ?? 0
            return [longestIdle(free.filter { (plan.skills[$0]?[skill] ?? 0) == best })]
        }
    }

    func longestIdle(_ users: [UserID]) -> UserID {
        // `users` is sorted by id, so ties go to the first id: stable across runs.
        users.min { (agents[$0]?.idleSince ?? .distantPast) < (agents[$1]?.idleSince ?? .distantPast) } ?? users[0]
    }

    mutating func offer(_ entry: QueueEntry, queue: QueueConfig, to picked: [UserID], at now: Date, into out: inout Effects) {
        guard var call = calls[entry.call] else { return }
        let firstOffer = entry.firstOfferAt == nil
        let total = TimeInterval(queue.ringSeconds * max(queue.attempts, 1))
        let deadline = (entry.firstOfferAt ?? now) + total
        let seconds = Int(min(TimeInterval(queue.ringSeconds), deadline.timeIntervalSince(now)).rounded(.up))
        guard seconds > 0 else { return }
        for user in picked {
            guard let person = users[user] else { continue }
            let terminals = queue.terminals.isEmpty ? person.terminals : person.terminals.filter(queue.terminals.contains)
            for terminal in terminals {
                let number = terminal == .mobile ? person.mobileNumber : nil
                if terminal == .mobile && number == nil { continue }
                let leg = call.addLeg(LegState(user: user, terminal: terminal, number: number))
                agents[user]?.ringing = (entry.call, leg)
                touchedAgents.insert(user)
                out.add(.ring(entry.call, RingLeg(leg: leg, user: user, terminal: terminal, number: number,
                                                  seconds: seconds, display: "\(queue.name): \(call.from)")))
                out.add(.wake(.ring(entry.call, leg), at: now + TimeInterval(seconds)))
            }
        }
        calls[entry.call] = call
        if let index = queues[entry.queue]?.waiting.firstIndex(where: { $0.call == entry.call }) {
            queues[entry.queue]?.waiting[index].tried.formUnion(picked)
        }
        if firstOffer, let index = queues[entry.queue]?.waiting.firstIndex(where: { $0.call == entry.call }) {
            queues[entry.queue]?.waiting[index].firstOfferAt = now
            out.add(.wake(.queueNoAnswer(entry.call), at: deadline))
        }
    }
}
