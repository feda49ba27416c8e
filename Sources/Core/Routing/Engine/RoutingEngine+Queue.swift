import Foundation

extension RoutingEngine {
    mutating func joinQueue(_ id: CallID, _ queueID: QueueID, priority: Int, at now: Date, into out: inout Effects) {
        // Fields are read where needed: a copy of the whole queue configuration costs more than the step.
        guard let position = queueIndex[queueID] else { return }
        out.add(.queueEvent(queueID, .joined))
        markDirty(position)
        let overflow = plan.queues[position].overflow
        // (e) night, by schedule or by hand.
        if isClosed(plan.queues[position].schedule) {
            return finish(id, divertOrReject(overflow.night, .night), at: now, into: &out)
        }
        // (a) rush: the queue is closed until both figures are back below the limits.
        if case .closedByRush = queues[position].availability {
            return finish(id, divertOrReject(overflow.rush?.destination, .rush), at: now, into: &out)
        }
        // (c) nobody logged in, or nobody available by presence.
        if !hasPresentAgent(position) {
            return finish(id, divertOrReject(overflow.noAgents, .noAgents), at: now, into: &out)
        }
        queues[position].waiting.append(
            QueueEntry(call: id, queue: queueID, joinedAt: now, priority: priority + plan.queues[position].priority))
        let announcements = plan.queues[position].announcements
        if let welcome = announcements.welcome { out.add(.play(id, .message(welcome))) }
        if let message = announcements.queueMessage { out.add(.play(id, .message(message))) }
        out.add(.hold(id, queueID))
        if let timeout = overflow.timeout {
            out.add(.wake(.queueTimeout(id), at: now + TimeInterval(timeout.seconds)))
        }
        if announcements.progressEverySeconds > 0 {
            out.add(.wake(.progress(id), at: now + TimeInterval(announcements.progressEverySeconds)))
        }
        updateRush(position, at: now, into: &out)
    }

    func divertOrReject(_ destination: String?, _ reason: DivertReason) -> CallOutcome {
        destination.map { .diverted(reason, to: $0) } ?? .rejected("queue \(reason.rawValue) and no destination configured")
    }

    /// Removes a caller from the queue's waiting list and re-evaluates rush state (the caller's timers
    /// are cancelled by `cancelTimers`, which both callers run first).
    mutating func leaveQueue(_ id: CallID, _ queueID: QueueID, at now: Date, into out: inout Effects) {
        guard let position = queueIndex[queueID], let index = queues[position].waiting.firstIndex(where: { $0.call == id }) else { return }
        queues[position].waiting.remove(at: index)
        updateRush(position, at: now, into: &out)
    }

    /// ACD-9 (a) with hysteresis: close at the limits; reopen only when both are below the reopen thresholds.
    mutating func updateRush(_ position: Int, at now: Date, into out: inout Effects) {
        guard let rush = plan.queues[position].overflow.rush else { return }
        let queueID = plan.queues[position].id
        let runtime = queues[position]
        let waiting = runtime.waiting.count
        let longest = runtime.waiting.map { Int(now.timeIntervalSince($0.joinedAt)) }.max() ?? 0
        switch runtime.availability {
        case .open:
            if waiting >= rush.maxWaiting || longest >= rush.maxWaitSeconds {
                let state = QueueAvailability.closedByRush(waiting: waiting, longestWaitSeconds: longest)
                queues[position].availability = state
                out.add(.queueState(queueID, state))
                out.add(.cancelWake(.rushWait(queueID)))
            } else if let head = runtime.waiting.map(\.joinedAt).min() {
                out.add(.wake(.rushWait(queueID), at: head + TimeInterval(rush.maxWaitSeconds)))
            }
        case .closedByRush:
            let reopenWaiting = rush.reopenBelowWaiting ?? rush.maxWaiting
            let reopenWait = rush.reopenBelowWaitSeconds ?? rush.maxWaitSeconds
            if waiting < reopenWaiting && longest < reopenWait {
                queues[position].availability = .open
                out.add(.queueState(queueID, .open))
                if let head = runtime.waiting.map(\.joinedAt).min() {
                    out.add(.wake(.rushWait(queueID), at: head + TimeInterval(rush.maxWaitSeconds)))
                }
            }
        }
    }

    /// A queue leg ended unanswered: offer again at once, or overflow when attempts are used up.
    mutating func queueLegEnded(_ id: CallID, at now: Date, into out: inout Effects) {
        guard let call = calls[id], call.legs.isEmpty, case .queue = call.mode else { return }
        // Nothing more to do here: the dispatcher offers the caller again (no retry gap), and the
        // no-answer deadline set at the first offer diverts at exactly ring time × attempts.
    }

    mutating func queueNoAnswer(_ id: CallID, at now: Date, into out: inout Effects) {
        guard let call = calls[id], case let .queue(queueID) = call.mode, call.answeredLeg == nil,
              let queue = queueConfig(queueID) else { return }
        for leg in call.legs.values {
            if let user = leg.user { agentOfferFailed(user, call: id, .noAnswer, at: now, into: &out) }
        }
        finish(id, divertOrReject(queue.overflow.noAnswer, .noAnswer), at: now, into: &out)
    }

    mutating func queueTimeout(_ id: CallID, at now: Date, into out: inout Effects) {
        guard let call = calls[id], case let .queue(queueID) = call.mode, call.answeredLeg == nil,
              let queue = queueConfig(queueID) else { return }
        finish(id, divertOrReject(queue.overflow.timeout?.destination, .timeout), at: now, into: &out)
    }

    mutating func requestCallback(_ id: CallID, at now: Date, into out: inout Effects) {
        guard let call = calls[id], case let .queue(queueID) = call.mode, let position = queueIndex[queueID],
              let index = queues[position].waiting.firstIndex(where: { $0.call == id }) else { return }
        queues[position].waiting[index].callback = true
        out.add(.cancelWake(.progress(id)))
        out.add(.cancelWake(.queueTimeout(id)))
        out.add(.releaseCaller(id))
    }

    /// Position (1 = next) of a waiting caller in their queue.
    public func position(of id: CallID) -> Int? {
        guard case let .queue(queue)? = calls[id]?.mode, let position = queueIndex[queue] else { return nil }
        return queues[position].waiting.firstIndex { $0.call == id }.map { $0 + 1 }
    }
}
