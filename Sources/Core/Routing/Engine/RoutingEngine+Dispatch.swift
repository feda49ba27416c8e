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
        var heads: [DispatchHead] = []
        // A handful per pass: a linear search costs less than hashing every waiting caller's id.
        var served: [CallID] = []
        for position in dirtyQueues {
            queues[position].dirty = false
            if !queues[position].free.isEmpty, let head = bestWaiting(position, excluding: served) { heads.append(head) }
        }
        dirtyQueues.removeAll(keepingCapacity: true)
        while !heads.isEmpty {
            var best = 0
            for index in heads.indices.dropFirst() where heads[index].isServed(before: heads[best]) { best = index }
            let head = heads.remove(at: best)
            let position = head.queue
            guard !queues[position].free.isEmpty else { continue }
            served.append(head.call)
            // Offers add legs and tried agents but never move callers, so the index still holds.
            let entry = queues[position].waiting[head.index]
            var free = freeAgents(position, at: now)
            if !free.isEmpty {
                let untried = free.filter { !entry.tried.contains($0) }
                if untried.isEmpty { queues[position].waiting[head.index].tried = [] } else { free = untried }
                let picked = pick(free, queue: position)
                offer(entry, queue: position, at: head.index, to: picked, at: now, into: &out)
                for slot in picked where agents[slot].ringing != nil { setFree(slot, false) }
            }
            if !queues[position].free.isEmpty, let next = bestWaiting(position, excluding: served) { heads.append(next) }
        }
    }

    /// The queue's first caller in the scheduler's order (priority, then wait, then call id) who is waiting
    /// with nothing ringing. Compares fields in place: copying entries here costs more than the rest.
    func bestWaiting(_ position: Int, excluding served: [CallID]) -> DispatchHead? {
        let waiting = queues[position].waiting
        var best: Int?
        for index in waiting.indices where !waiting[index].ringing {
            if let current = best {
                let priority = waiting[index].priority, bestPriority = waiting[current].priority
                if priority < bestPriority { continue }
                if priority == bestPriority {
                    let joined = waiting[index].joinedAt, bestJoined = waiting[current].joinedAt
                    if joined > bestJoined || (joined == bestJoined && !(waiting[index].call < waiting[current].call)) { continue }
                }
            }
            if served.contains(waiting[index].call) { continue }
            best = index
        }
        return best.map {
            DispatchHead(priority: waiting[$0].priority, joinedAt: waiting[$0].joinedAt, queue: position, index: $0, call: waiting[$0].call)
        }
    }

    /// Re-decides, for the agents touched in this step, whether they could take a call now.
    mutating func refreshFreeAgents(at now: Date) {
        for slot in touchedAgents {
            let free = isFree(slot, at: now)
            if free != agents[slot].free { setFree(slot, free) }
        }
    }

    /// Lists or unlists an agent in the free lists of the queues they can take calls from.
    mutating func setFree(_ slot: Int, _ free: Bool) {
        agents[slot].free = free
        for position in agents[slot].eligibleQueues {
            if free { queues[position].free.append(slot) } else { queues[position].free.removeValue(slot) }
        }
    }

    func isFree(_ slot: Int, at now: Date) -> Bool {
        let agent = agents[slot]
        guard agent.present, !agent.queues.isEmpty, agent.ringing == nil, !agent.inCall else { return false }
        if let until = agent.wrapUpUntil, until > now { return false }
        return true
    }

    func meetsSkill(_ slot: Int, _ position: Int) -> Bool {
        guard let skill = plan.queues[position].skill else { return true }
        return skillLevel(slot, position) >= skill.minimumLevel
    }

    func skillLevel(_ slot: Int, _ position: Int) -> Int {
        guard let skill = plan.queues[position].skill else { return 0 }
        return plan.skills[agents[slot].user]?[skill.skill] ?? 0
    }

    /// Works out, after a login, logout or plan change, which of the agent's queues they can take calls
    /// from and at what skill level, so offers need not look skills up.
    mutating func updateEligibility(_ slot: Int) {
        var eligible: [Int] = [], levels: [Int] = []
        for position in agents[slot].queues where meetsSkill(slot, position) {
            eligible.append(position)
            levels.append(skillLevel(slot, position))
        }
        agents[slot].eligibleQueues = eligible
        agents[slot].skillLevels = levels
    }

    /// Agents who may be offered a call of the queue now, in a stable order (by user id).
    func freeAgents(_ position: Int, at now: Date) -> [Int] {
        var free = queues[position].free.filter { isFree($0, at: now) }
        if free.count > 1 { free.sort { agents[$0].user < agents[$1].user } }
        return free
    }

    func isAvailableByPresence(_ user: UserID) -> Bool {
        guard let activity = users[user]?.activity else { return false }
        return catalogue.activity(activity)?.availableForGroupCalls ?? false
    }

    /// ACD-6: someone is logged in whose presence lets them take queue calls (busy or not).
    func hasPresentAgent(_ position: Int) -> Bool {
        queues[position].members.contains { agents[$0].present }
    }

    mutating func pick(_ free: [Int], queue position: Int) -> [Int] {
        switch plan.queues[position].strategy {
        case .ringAll: return free
        case .longestIdle: return [longestIdle(free)]
        case .random: return [free[Int(random.next() % UInt64(free.count))]]
        case .skill:
            guard plan.queues[position].skill != nil else { return [longestIdle(free)] }
            let levels = free.map { slot in agents[slot].eligibleQueues.firstIndex(of: position).map { agents[slot].skillLevels[$0] } ?? 0 }
            let best = levels.max() ?? 0
            return [longestIdle(zip(free, levels).filter { $0.1 == best }.map(\.0))]
        }
    }

    func longestIdle(_ slots: [Int]) -> Int {
        // `slots` is in user-id order, so ties go to the first id: stable across runs.
        slots.min { agents[$0].idleSince < agents[$1].idleSince } ?? slots[0]
    }

    /// Read through `inout`: the dictionary's getter would copy the whole call for one field.
    private static func caller(of call: inout CallState) -> String { call.from }

    mutating func offer(_ entry: QueueEntry, queue position: Int, at index: Int, to picked: [Int], at now: Date, into out: inout Effects) {
        guard let callIndex = calls.index(forKey: entry.call) else { return }
        let ringSeconds = plan.queues[position].ringSeconds, wanted = plan.queues[position].terminals
        let from = Self.caller(of: &calls.values[callIndex])
        var rang = false
        let firstOffer = entry.firstOfferAt == nil
        let total = TimeInterval(ringSeconds * max(plan.queues[position].attempts, 1))
        let deadline = (entry.firstOfferAt ?? now) + total
        let seconds = Int(min(TimeInterval(ringSeconds), deadline.timeIntervalSince(now)).rounded(.up))
        guard seconds > 0 else { return }
        let display = "\(plan.queues[position].name): \(from)"
        for slot in picked {
            let user = agents[slot].user
            guard let person = users[user] else { continue }
            for terminal in person.terminals where wanted.isEmpty || wanted.contains(terminal) {
                let number = terminal == .mobile ? person.mobileNumber : nil
                if terminal == .mobile && number == nil { continue }
                // In place: a copy of the call would copy its legs on every offer.
                let leg = calls.values[callIndex].addLeg(LegState(user: user, terminal: terminal, number: number))
                rang = true
                agents[slot].ringing = (entry.call, leg)
                markTouched(slot)
                out.add(.ring(entry.call, RingLeg(leg: leg, user: user, terminal: terminal, number: number,
                                                  seconds: seconds, display: display)))
                out.add(.wake(.ring(entry.call, leg), at: now + TimeInterval(seconds)))
            }
        }
        if rang { queues[position].waiting[index].ringing = true }
        for slot in picked where !queues[position].waiting[index].tried.contains(slot) { queues[position].waiting[index].tried.append(slot) }
        if firstOffer {
            queues[position].waiting[index].firstOfferAt = now
            out.add(.wake(.queueNoAnswer(entry.call), at: deadline))
        }
    }
}

/// A queue's best waiting caller, put forward for one dispatch pass: the scheduler's sort keys and where
/// the caller sits in the queue.
struct DispatchHead {
    var priority: Int
    var joinedAt: Date
    var queue: Int
    var index: Int
    var call: CallID

    /// Priority first, then wait, then queue order, then call id.
    func isServed(before other: DispatchHead) -> Bool {
        if priority != other.priority { return priority > other.priority }
        if joinedAt != other.joinedAt { return joinedAt < other.joinedAt }
        if queue != other.queue { return queue < other.queue }
        return call < other.call
    }
}
