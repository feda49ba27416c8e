import Foundation

extension RoutingEngine {
    mutating func login(_ user: UserID, _ queue: QueueID, at now: Date, into out: inout Effects) {
        guard users[user] != nil, let position = queueIndex[queue] else { return }
        let slot = agentSlot(for: user, at: now)
        if agents[slot].queues.isEmpty { agents[slot].idleSince = now }
        agents[slot].present = isAvailableByPresence(user)
        agents[slot].unanswered = 0
        if !agents[slot].queues.contains(position) {
            agents[slot].queues.insertSorted(position)
            queues[position].members.append(slot)
            updateEligibility(slot)
            if agents[slot].free && agents[slot].eligibleQueues.contains(position) { queues[position].free.append(slot) }
        }
        for position in agents[slot].queues { queues[position].eligibleCount = nil }
        touch(slot: slot)
    }

    mutating func logout(_ user: UserID, _ queue: QueueID?, reason: LogoutReason, at now: Date, into out: inout Effects) {
        guard let slot = agentSlots[user] else { return }
        let leaving: [Int]
        if let queue {
            guard let position = queueIndex[queue], agents[slot].queues.contains(position) else { return }
            leaving = [position]
        } else {
            leaving = agents[slot].queues
        }
        guard !leaving.isEmpty else { return }
        touch(slot: slot)
        for position in leaving {
            agents[slot].queues.removeValue(position)
            queues[position].members.removeValue(slot)
            queues[position].free.removeValue(slot)
            queues[position].eligibleCount = nil
        }
        updateEligibility(slot)
        if let (call, leg) = agents[slot].ringing, case let .queue(queueID)? = calls[call]?.mode,
           let position = queueIndex[queueID], leaving.contains(position) {
            out.add(.cancelRing(call, leg))
            out.add(.cancelWake(.ring(call, leg)))
            dropLeg(call, leg)
            agents[slot].ringing = nil
        }
        agents[slot].unanswered = 0
        if agents[slot].queues.isEmpty { out.add(.agentLoggedOut(user, reason)) }
        for position in leaving { abandonIfEmpty(position, at: now, into: &out) }
    }

    /// ACD-9 (c) while waiting: when no agent is left who could take a call, waiting callers overflow.
    mutating func abandonIfEmpty(_ position: Int, at now: Date, into out: inout Effects) {
        guard !hasPresentAgent(position) else { return }
        let destination = plan.queues[position].overflow.noAgents
        // Callback requests overflow too: with nobody to take them the hub cannot call back.
        for entry in queues[position].waiting where calls[entry.call]?.legs.isEmpty == true {
            finish(entry.call, divertOrReject(destination, .noAgents), at: now, into: &out)
        }
    }

    mutating func presenceChanged(_ user: UserID, activity: ActivityID, role: RoleID, until: Date?, at now: Date, into out: inout Effects) {
        guard users[user] != nil else { return }
        users[user]?.activity = activity
        users[user]?.role = role
        users[user]?.until = until
        guard let slot = agentSlots[user] else { return }
        touch(slot: slot)
        for position in agents[slot].queues { queues[position].eligibleCount = nil }
        // A presence change is the agent acting: the unanswered count starts again (ACD-4 policy).
        agents[slot].unanswered = 0
        agents[slot].present = isAvailableByPresence(user)
        if !agents[slot].present, let (call, leg) = agents[slot].ringing {
            // Presence change during ringing: the offer is withdrawn, not counted as unanswered.
            out.add(.cancelRing(call, leg))
            out.add(.cancelWake(.ring(call, leg)))
            dropLeg(call, leg)
            agents[slot].ringing = nil
        }
        for position in agents[slot].queues { abandonIfEmpty(position, at: now, into: &out) }
    }

    /// An offer to an agent ended unanswered: count it per the auto-logout policy.
    mutating func agentOfferFailed(_ user: UserID, call: CallID, _ failure: LegFailure, at now: Date, into out: inout Effects) {
        guard let slot = agentSlots[user] else { return }
        touch(slot: slot)
        if agents[slot].ringing?.call == call { agents[slot].ringing = nil }
        guard case let .queue(queueID)? = calls[call]?.mode, let position = queueIndex[queueID] else { return }
        let policy = plan.queues[position].autoLogout
        if policy.counts.contains(failure) { agents[slot].unanswered += 1 }
        if policy.afterUnanswered > 0 && agents[slot].unanswered >= policy.afterUnanswered {
            logout(user, nil, reason: .unansweredOffers, at: now, into: &out)
        }
    }

    mutating func startWrapUp(_ user: UserID, queue position: Int, at now: Date, into out: inout Effects) {
        guard let slot = agentSlots[user] else { return }
        touch(slot: slot)
        agents[slot].idleSince = now
        let seconds = plan.queues[position].wrapUpSeconds
        guard seconds > 0 else { return }
        let until = now + TimeInterval(seconds)
        agents[slot].wrapUpUntil = until
        out.add(.wake(.wrapUp(user), at: until))
    }

    mutating func supervisorRequest(_ user: UserID, into out: inout Effects) {
        let call = inCall[user]?.min()
        var queue: QueueID?
        if let call, case let .queue(id)? = calls[call]?.mode { queue = id }
        out.add(.supervisorRequested(agent: user, call: call, queue: queue))
    }

    /// The status of an agent now (ACD-10 agent states).
    public func status(of user: UserID, at now: Date) -> AgentStatus {
        agentSlots[user].map { status(slot: $0, at: now) } ?? .loggedOut
    }

    func status(slot: Int, at now: Date) -> AgentStatus {
        let agent = agents[slot]
        guard !agent.queues.isEmpty else { return .loggedOut }
        if agent.inCall, let call = inCall[agent.user]?.min() { return .inCall(call) }
        if let ringing = agent.ringing { return .ringing(ringing.call) }
        if let until = agent.wrapUpUntil, until > now { return .wrapUp(until: until) }
        if !agent.present, let activity = users[agent.user]?.activity { return .unavailable(activity: activity) }
        return .idle(since: agent.idleSince)
    }

    /// The queues an agent is logged in to.
    public func queues(of user: UserID) -> Set<QueueID> {
        Set(agent(user)?.queues.map { plan.queues[$0].id } ?? [])
    }

    mutating func publishAgentStates(at now: Date, into out: inout Effects) {
        guard !touchedAgents.isEmpty else { return }
        var touched = touchedAgents
        touchedAgents.removeAll(keepingCapacity: true)
        for slot in touched { agents[slot].touched = false }
        if touched.count > 1 { touched.sort { agents[$0].user < agents[$1].user } }
        for slot in touched {
            let status = status(slot: slot, at: now)
            if agents[slot].lastStatus != status {
                agents[slot].lastStatus = status
                out.add(.agentState(agents[slot].user, status))
            }
        }
    }
}
