import Foundation

extension RoutingEngine {
    /// Every call in progress, oldest first.
    public var activeCalls: [ActiveCall] {
        calls.keys.sorted().compactMap(activeCall).sorted { ($0.offeredAt, $0.id) < ($1.offeredAt, $1.id) }
    }

    /// One call in progress.
    public func activeCall(_ id: CallID) -> ActiveCall? {
        guard let call = calls[id] else { return nil }
        let state: ActiveCall.State
        if call.answeredAt != nil {
            state = .connected(call.answeredBy)
        } else if case let .queue(queue) = call.mode, let position = queueIndex[queue],
                  let index = queues[position].waiting.firstIndex(where: { $0.call == id }) {
            state = .waiting(queue: queue, position: index + 1, callback: queues[position].waiting[index].callback)
        } else if case let .personalQueued(user, _) = call.mode {
            state = .personalQueue(user)
        } else {
            state = .ringing
        }
        var ringing: [UserID] = []
        for leg in call.legs.entries { if let user = leg.state.user, !ringing.contains(user) { ringing.append(user) } }
        return ActiveCall(id: id, from: call.from, to: call.to, target: call.target, state: state, offeredAt: call.offeredAt,
                          answeredAt: call.answeredAt, ringing: ringing)
    }

    /// Live state of a queue.
    public func snapshot(of queue: QueueID, at now: Date) -> QueueSnapshot? {
        guard let position = queueIndex[queue] else { return nil }
        let config = plan.queues[position]
        let runtime = queues[position]
        let waiting = runtime.waiting.map { entry in
            QueueSnapshot.WaitingCaller(call: entry.call, from: calls[entry.call]?.from ?? "", waitedSeconds: Int(now.timeIntervalSince(entry.joinedAt)),
                                        callback: entry.callback)
        }
        let members = runtime.members.map { agents[$0].user }.sorted()
        return QueueSnapshot(id: queue, availability: runtime.availability, closedBySchedule: isClosed(config.schedule), waiting: waiting,
                             agents: members.compactMap { agentSnapshot($0, at: now) })
    }

    /// Live state of an agent (nil for users who never logged in).
    public func agentSnapshot(_ user: UserID, at now: Date) -> AgentSnapshot? {
        guard let slot = agentSlots[user] else { return nil }
        let agent = agents[slot]
        return AgentSnapshot(user: user, status: status(slot: slot, at: now), queues: agent.queues.map { plan.queues[$0].id }.sorted(),
                             unansweredInARow: agent.unanswered)
    }

    /// Every user who has been an agent, with their state.
    public func agentSnapshots(at now: Date) -> [AgentSnapshot] {
        agentSlots.keys.sorted().compactMap { agentSnapshot($0, at: now) }
    }

    /// Whether a user is in a call now (PRES-6).
    public func isInCall(_ user: UserID) -> Bool { !(inCall[user] ?? []).isEmpty }

    /// Number of calls the engine holds (for memory figures).
    public var callCount: Int { calls.count }
}
