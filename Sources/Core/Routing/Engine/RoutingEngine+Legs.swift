import Foundation

extension RoutingEngine {
    mutating func legAnswered(_ id: CallID, _ leg: LegID, at now: Date, into out: inout Effects) {
        guard let index = calls.index(forKey: id) else { return }
        let call = calls.values[index]
        guard let answered = call.legs[leg] else { return }
        if call.answeredLeg != nil {
            // Ring-all race: someone else answered first; this leg is dropped, not counted as no-answer.
            return out.add(.cancelRing(id, leg))
        }
        if case let .clickToCall(user, to) = call.mode {
            // ROUTE-5 step two: the user's phone answered, now call the other party.
            Self.answer(&calls.values[index], leg: leg, by: user, at: now)
            out.add(.cancelWake(.ring(id, leg)))
            enterCall(user, id, into: &out)
            let caller = users[user].map { callerID(for: $0) } ?? call.from
            return out.add(.dialOut(id, to: to, callerID: caller))
        }
        Self.answer(&calls.values[index], leg: leg, by: answered.user, at: now)
        out.add(.cancelWake(.ring(id, leg)))
        cancelLegs(id, except: leg, into: &out)
        cancelTimers(of: call, into: &out)
        if case let .queue(queue) = call.mode, let position = queueIndex[queue],
           let entry = queues[position].waiting.first(where: { $0.call == id }), entry.callback {
            // Callback in queue: the agent answered, now the hub calls the waiting customer back.
            out.add(.dialOut(id, to: call.from, callerID: queueConfig(queue)?.number ?? call.to))
        } else {
            out.add(.connect(id, leg))
        }
        guard let user = answered.user else { return }
        enterCall(user, id, into: &out)
        switch call.mode {
        case let .queue(queue):
            if let slot = agentSlots[user] {
                agents[slot].ringing = nil
                agents[slot].unanswered = 0
                touch(slot: slot)
            }
            leaveQueue(id, queue, at: now, into: &out)
            out.add(.queueEvent(queue, .answered(waited: now.timeIntervalSince(call.offeredAt), agent: user)))
            out.add(.log(CallLogEntry(user: user, call: id, kind: .answered, party: call.from, at: call.offeredAt, via: .queue(queue))))
        case let .hunt(group, _):
            out.add(.log(CallLogEntry(user: user, call: id, kind: .answered, party: call.from, at: call.offeredAt, via: .huntGroup(group))))
        default:
            out.add(.log(CallLogEntry(user: user, call: id, kind: .answered, party: call.from, at: call.offeredAt, via: .direct)))
        }
    }

    /// In place: written back from a copy, the call's storage would be copied and freed on every answer.
    private static func answer(_ call: inout CallState, leg: LegID, by user: UserID?, at now: Date) {
        call.answeredLeg = leg
        call.answeredBy = user
        call.answeredAt = now
    }

    mutating func legFailed(_ id: CallID, _ leg: LegID, _ failure: LegFailure, at now: Date, into out: inout Effects) {
        guard let call = calls[id], let state = call.legs[leg], call.answeredLeg == nil else { return }
        dropLeg(id, leg)
        out.add(.cancelWake(.ring(id, leg)))
        switch call.mode {
        case .queue:
            if let user = state.user { agentOfferFailed(user, call: id, failure, at: now, into: &out) }
            queueLegEnded(id, at: now, into: &out)
        case .hunt:
            huntLegEnded(id, at: now, into: &out)
        case .personal:
            guard calls[id]?.legs.isEmpty == true else { return }
            // Every terminal failed before the no-answer time: apply the fallback now.
            out.add(.cancelWake(.personalNoAnswer(id)))
            if failure == .busy, case let .personal(user, rule) = call.mode, let person = users[user] {
                return applyBusyAfterRing(id, user: person, rule: rule, at: now, into: &out)
            }
            personalNoAnswer(id, at: now, into: &out)
        case .clickToCall:
            finish(id, .rejected("your phone did not answer (\(failure.rawValue))"), at: now, into: &out)
        case .personalQueued, .outgoing, .emergency:
            break
        }
    }

    /// A busy terminal answer applies the busy rule, except ringing anyway again (that would loop).
    mutating func applyBusyAfterRing(_ id: CallID, user: RoutingUser, rule: PersonalRule, at now: Date, into out: inout Effects) {
        switch rule.busy {
        case .ringAnyway, .personalQueue: personalNoAnswer(id, at: now, into: &out)
        default: applyBusy(id, user: user, rule: rule, at: now, into: &out)
        }
    }

    mutating func callerHungUp(_ id: CallID, at now: Date, into out: inout Effects) {
        guard let call = calls[id] else { return }
        if call.answeredLeg != nil { return callEnded(id, at: now, into: &out) }
        if case let .queue(queue) = call.mode, let position = queueIndex[queue],
           queues[position].waiting.first(where: { $0.call == id })?.callback == true {
            // The caller chose a callback earlier; their line is already released.
            return
        }
        finish(id, .abandoned, at: now, into: &out)
    }

    mutating func callEnded(_ id: CallID, at now: Date, into out: inout Effects) {
        // Taken out at once (the usual case, a connected call); an unanswered one goes back for `finish`.
        guard let call = calls.removeValue(forKey: id) else { return }
        guard let answeredAt = call.answeredAt else {
            calls[id] = call
            if case .outgoing = call.mode { return finish(id, .dialledOut, at: now, into: &out) }
            return finish(id, .abandoned, at: now, into: &out)
        }
        if let user = call.answeredBy, case let .queue(queue) = call.mode {
            out.add(.queueEvent(queue, .completed(talked: now.timeIntervalSince(answeredAt), agent: user)))
            if let position = queueIndex[queue] {
                recordHandleTime(position, now.timeIntervalSince(answeredAt))
                startWrapUp(user, queue: position, at: now, into: &out)
            }
        }
        for user in call.participants.count > 1 ? call.participants.sorted() : call.participants { leaveCall(user, id, at: now, into: &out) }
        logMissed(call, into: &out)
        out.add(.finished(CallRecord(call: id, from: call.from, to: call.to, target: call.target, offeredAt: call.offeredAt,
                                     answeredAt: answeredAt, endedAt: now, answeredBy: call.answeredBy, outcome: .answered)))
    }

    mutating func transferred(_ id: CallID, to number: String, at now: Date, into out: inout Effects) {
        guard calls[id]?.answeredAt != nil else { return }
        out.add(.divert(id, to: number, reason: .transfer))
        callEnded(id, at: now, into: &out)
    }
}
