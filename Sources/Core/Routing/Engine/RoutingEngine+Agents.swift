import Foundation

extension RoutingEngine {
    mutating func login(_ user: UserID, _ queue: QueueID, at now: Date, into out: inout Effects) {
        guard users[user] != nil, queueConfig(queue) != nil else { return }
        var agent = agents[user] ?? AgentRuntime(idleSince: now)
        if agent.queues.isEmpty { agent.idleSince = now }
        agent.present = isAvailableByPresence(user)
        agent.queues.insert(queue)
        agent.unanswered = 0
        agents[user] = agent
        members[queue, default: []].insert(user)
        if freeAgentSet.contains(user) && meetsSkill(user, queue) { freeMembers[queue, default: []].insert(user) }
        eligibleCounts[queue] = nil
        touch(user)
    }

    mutating func logout(_ user: UserID, _ queue: QueueID?, reason: LogoutReason, at now: Date, into out: inout Effects) {
        guard var agent = agents[user] else { return }
        let leaving = queue.map { agent.queues.contains($0) ? [$0] : [] } ?? Array(agent.queues)
        guard !leaving.isEmpty else { return }
        touch(user)
        agent.queues.subtract(leaving)
        for queueID in leaving {
            members[queueID]?.remove(user)
            freeMembers[queueID]?.remove(user)
            eligibleCounts[queueID] = nil
        }
        if let (call, leg) = agent.ringing, case let .queue(queueID)? = calls[call]?.mode, leaving.contains(queueID) {
            out.add(.cancelRing(call, leg))
            out.add(.cancelWake(.ring(call, leg)))
            calls[call]?.legs[leg] = nil
            agent.ringing = nil
        }
        agent.unanswered = 0
        agents[user] = agent
        if agent.queues.isEmpty { out.add(.agentLoggedOut(user, reason)) }
        for queueID in leaving { abandonIfEmpty(queueID, at: now, into: &out) }
    }

    /// ACD-9 (c) while waiting: when no agent is left who could take a call, waiting callers overflow.
    mutating func abandonIfEmpty(_ queueID: QueueID, at now: Date, into out: inout Effects) {
        guard !hasPresentAgent(queueID), let queue = queueConfig(queueID), let waiting = queues[queueID]?.waiting else { return }
        // Callback requests overflow too: with nobody to take them the hub cannot call back.
        for entry in waiting where calls[entry.call]?.legs.isEmpty == true {
            finish(entry.call, divertOrReject(queue.overflow.noAgents, .noAgents), at: now, into: &out)
        }
    }

    mutating func presenceChanged(_ user: UserID, activity: ActivityID, role: RoleID, until: Date?, at now: Date, into out: inout Effects) {
        guard users[user] != nil else { return }
        users[user]?.activity = activity
        users[user]?.role = role
        users[user]?.until = until
        guard var agent = agents[user] else { return }
        touch(user)
        for queueID in agent.queues { eligibleCounts[queueID] = nil }
        // A presence change is the agent acting: the unanswered count starts again (ACD-4 policy).
        agent.unanswered = 0
        agent.present = isAvailableByPresence(user)
        if !agent.present, let (call, leg) = agent.ringing {
            // Presence change during ringing: the offer is withdrawn, not counted as unanswered.
            out.add(.cancelRing(call, leg))
            out.add(.cancelWake(.ring(call, leg)))
            calls[call]?.legs[leg] = nil
            agent.ringing = nil
        }
        agents[user] = agent
        for queueID in agent.queues { abandonIfEmpty(queueID, at: now, into: &out) }
    }

    /// An offer to an agent ended unanswered: count it per the auto-logout policy.
    mutating func agentOfferFailed(_ user: UserID, call: CallID, _ failure: LegFailure, at now: Date, into out: inout Effects) {
        guard var agent = agents[user] else { return }
        touch(user)
        if agent.ringing?.call == call { agent.ringing = nil }
        guard case let .queue(queueID)? = calls[call]?.mode, let policy = queueConfig(queueID)?.autoLogout else {
            agents[user] = agent
            return
        }
        if policy.counts.contains(failure) { agent.unanswered += 1 }
        agents[user] = agent
        if policy.afterUnanswered > 0 && agent.unanswered >= policy.afterUnanswered {
            logout(user, nil, reason: .unansweredOffers, at: now, into: &out)
        }
    }

    mutating func startWrapUp(_ user: UserID, queue: QueueID, at now: Date, into out: inout Effects) {
        guard agents[user] != nil else { return }
        touch(user)
        agents[user]?.idleSince = now
        let seconds = queueConfig(queue)?.wrapUpSeconds ?? 0
        guard seconds > 0 else { return }
        let until = now + TimeInterval(seconds)
        agents[user]?.wrapUpUntil = until
        out.add(.wake(.wrapUp(user), at: until))
    }

    mutating func supervisorRequest(_ user: UserID, into out: inout Effects) {
        let call = inCall[user]?.sorted().first
        var queue: QueueID?
        if let call, case let .queue(id)? = calls[call]?.mode { queue = id }
        out.add(.supervisorRequested(agent: user, call: call, queue: queue))
    }

    /// The status of an agent now (ACD-10 agent states).
    public func status(of user: UserID, at now: Date) -> AgentStatus {
        guard let agent = agents[user], !agent.queues.isEmpty else { return .loggedOut }
        if let call = inCall[user]?.sorted().first { return .inCall(call) }
        if let ringing = agent.ringing { return .ringing(ringing.call) }
        if let until = agent.wrapUpUntil, until > now { return .wrapUp(until: until) }
        if !agent.present, let activity = users[user]?.activity { return .unavailable(activity: activity) }
        return .idle(since: agent.idleSince)
    }

    /// The queues an agent is logged in to.
    public func queues(of user: UserID) -> Set<QueueID> { agents[user]?.queues ?? [] }

    mutating func publishAgentStates(at now: Date, into out: inout Effects) {
        let touched = touchedAgents
        touchedAgents = []
        for user in touched.sorted() where agents[user] != nil {
            let status = status(of: user, at: now)
            if agents[user]?.lastStatus != status {
                agents[user]?.lastStatus = status
                out.add(.agentState(user, status))
            }
        }
    }
}
