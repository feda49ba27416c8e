import Foundation

extension RoutingEngine {
    /// The one scheduler (DESIGN): pairs waiting callers with free agents across all queues, callers
    /// by priority, then wait, then queue order; an agent is offered at most one call at a time.
    mutating func dispatch(at now: Date, into out: inout Effects) {
        guard !dirtyQueues.isEmpty else { return }
        // Only queues with a free member can pair anyone; the rest cost one set intersection.
        // Plain loops: a closure over `self` in a mutating method copies the whole engine.
        var entries: [QueueEntry] = []
        for queue in dirtyQueues where hasFreeMember(queue) {
            for entry in queues[queue]?.waiting ?? [] {
                if let call = calls[entry.call], call.legs.isEmpty, call.answeredLeg == nil { entries.append(entry) }
            }
        }
        dirtyQueues.removeAll(keepingCapacity: true)
        guard !entries.isEmpty else { return }
        let queueIndex = self.queueIndex
        entries.sort { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            if lhs.joinedAt != rhs.joinedAt { return lhs.joinedAt < rhs.joinedAt }
            if lhs.queue != rhs.queue { return (queueIndex[lhs.queue] ?? .max) < (queueIndex[rhs.queue] ?? .max) }
            return lhs.call < rhs.call
        }
        for entry in entries {
            guard let queue = queueConfig(entry.queue) else { continue }
            var free = freeAgents(for: queue, at: now)
            guard !free.isEmpty else { continue }
            let untried = free.filter { !entry.tried.contains($0) }
            if untried.isEmpty { resetTried(entry) } else { free = untried }
            let picked = pick(free, queue: queue, at: now)
            offer(entry, queue: queue, to: picked, at: now, into: &out)
            freeAgentSet.subtract(picked.filter { agents[$0]?.ringing != nil })
        }
    }

    /// Re-decides, for the agents touched in this step, whether they could take a call now.
    mutating func refreshFreeAgents(at now: Date) {
        for user in touchedAgents {
            if isFree(user, at: now) { freeAgentSet.insert(user) } else { freeAgentSet.remove(user) }
        }
    }

    func isFree(_ user: UserID, at now: Date) -> Bool {
        guard let agent = agents[user], !agent.queues.isEmpty, agent.ringing == nil, (inCall[user] ?? []).isEmpty,
              isAvailableByPresence(user) else { return false }
        if let until = agent.wrapUpUntil, until > now { return false }
        return true
    }

    func hasFreeMember(_ queue: QueueID) -> Bool {
        guard let members = members[queue], !members.isEmpty else { return false }
        return freeAgentSet.count <= members.count
            ? freeAgentSet.contains { members.contains($0) }
            : members.contains { freeAgentSet.contains($0) }
    }

    mutating func resetTried(_ entry: QueueEntry) {
        if let index = queues[entry.queue]?.waiting.firstIndex(where: { $0.call == entry.call }) {
            queues[entry.queue]?.waiting[index].tried = []
        }
    }

    /// Agents who may be offered a call of `queue` now, in a stable order.
    func freeAgents(for queue: QueueConfig, at now: Date) -> [UserID] {
        let members = members[queue.id] ?? []
        let candidates = freeAgentSet.count <= members.count ? freeAgentSet.filter(members.contains) : members.filter(freeAgentSet.contains)
        return candidates.sorted().filter { user in
            guard isFree(user, at: now) else { return false }
            if let skill = queue.skill, (plan.skills[user]?[skill.skill] ?? 0) < skill.minimumLevel { return false }
            return true
        }
    }

    func isAvailableByPresence(_ user: UserID) -> Bool {
        guard let activity = users[user]?.activity else { return false }
        return catalogue.activity(activity)?.availableForGroupCalls ?? false
    }

    /// ACD-6: someone is logged in whose presence lets them take queue calls (busy or not).
    func hasPresentAgent(_ queue: QueueID) -> Bool {
        (members[queue] ?? []).contains { isAvailableByPresence($0) }
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
