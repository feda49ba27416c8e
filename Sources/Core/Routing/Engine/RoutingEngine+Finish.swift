import Foundation

extension RoutingEngine {
    /// Ends an unconnected call with `outcome`: stops its legs and timers, logs missed calls, records it.
    mutating func finish(_ id: CallID, _ outcome: CallOutcome, at now: Date, into out: inout Effects) {
        guard let call = calls[id] else { return }
        cancelLegs(id, except: nil, into: &out)
        cancelTimers(of: call, into: &out)
        switch outcome {
        case let .diverted(reason, number): out.add(.divert(id, to: number, reason: reason))
        case let .rejected(reason): out.add(.reject(id, reason: reason))
        case .answered, .voicemail, .abandoned, .dialledOut: break
        }
        logMissed(call, into: &out)
        if case let .queue(queue) = call.mode {
            leaveQueue(id, queue, at: now, into: &out)
            let waited = now.timeIntervalSince(call.offeredAt)
            if case let .diverted(reason, _) = outcome {
                out.add(.queueEvent(queue, .diverted(reason, waited: waited)))
            } else {
                out.add(.queueEvent(queue, .abandoned(waited: waited)))
            }
        }
        if case let .personalQueued(user, _) = call.mode {
            personalWaiting[user]?.removeAll { $0 == id }
            if personalWaiting[user]?.isEmpty == true { personalWaiting[user] = nil }
        }
        out.add(.finished(CallRecord(call: id, from: call.from, to: call.to, target: call.target, offeredAt: call.offeredAt,
                                     answeredAt: nil, endedAt: now, answeredBy: nil, outcome: outcome)))
        calls[id] = nil
        for user in call.participants.sorted() { leaveCall(user, id, at: now, into: &out) }
    }

    /// LOG-1..3: who gets a missed entry for a call nobody of theirs answered.
    func logMissed(_ call: CallState, into out: inout Effects) {
        switch call.mode {
        case let .personal(user, _), let .personalQueued(user, _):
            if call.answeredBy != user {
                out.add(.log(CallLogEntry(user: user, call: call.id, kind: .missed, party: call.from, at: call.offeredAt, via: .direct)))
            }
        case let .hunt(group, _):
            for user in call.rungUsers where user != call.answeredBy {
                out.add(.log(CallLogEntry(user: user, call: call.id, kind: .missed, party: call.from, at: call.offeredAt, via: .huntGroup(group))))
            }
        case .queue, .outgoing, .clickToCall, .emergency:
            // LOG-3: a queue call shows only in the answering agent's log.
            break
        }
    }

    mutating func cancelLegs(_ id: CallID, except keep: LegID?, into out: inout Effects) {
        guard let index = calls.index(forKey: id) else { return }
        let legs = Self.legs(of: &calls.values[index])
        for entry in legs.entries where entry.id != keep {
            let leg = entry.id, state = entry.state
            out.add(.cancelRing(id, leg))
            out.add(.cancelWake(.ring(id, leg)))
            if let user = state.user, let slot = agentSlots[user], agents[slot].ringing?.call == id {
                agents[slot].ringing = nil
                touch(slot: slot)
            }
            dropLeg(id, leg)
        }
    }

    /// Removes a ringing leg; a queue caller left with nothing ringing may be offered again.
    mutating func dropLeg(_ id: CallID, _ leg: LegID) {
        guard let index = calls.index(forKey: id) else { return }
        let emptied = Self.removeLeg(leg, from: &calls.values[index])
        guard emptied, case let .queue(queueID)? = calls[id]?.mode, let position = queueIndex[queueID],
              let entry = queues[position].waiting.firstIndex(where: { $0.call == id }) else { return }
        queues[position].waiting[entry].ringing = false
    }

    /// Read through `inout`: the dictionary's getter would copy the whole call for its legs.
    private static func legs(of call: inout CallState) -> LegTable { call.legs }

    /// Through `inout`, so the call is changed where it is stored, not copied out and back.
    private static func removeLeg(_ leg: LegID, from call: inout CallState) -> Bool {
        call.legs[leg] = nil
        return call.legs.isEmpty
    }

    func cancelTimers(of call: CallState, into out: inout Effects) {
        switch call.mode {
        case .personal: out.add(.cancelWake(.personalNoAnswer(call.id)))
        case .queue:
            out.add(.cancelWake(.queueNoAnswer(call.id)))
            out.add(.cancelWake(.queueTimeout(call.id)))
            out.add(.cancelWake(.progress(call.id)))
        case .hunt: out.add(.cancelWake(.huntStep(call.id)))
        case .personalQueued, .outgoing, .clickToCall, .emergency: break
        }
    }

    private static func addParticipant(_ user: UserID, to call: inout CallState?) {
        if call?.participants.contains(user) == false { call?.participants.append(user) }
    }

    // Both look each table up once: with tens of thousands of users every lookup is a likely cache miss.
    mutating func enterCall(_ user: UserID, _ call: CallID, into out: inout Effects) {
        Self.addParticipant(user, to: &calls[call])
        let slot = agentSlots[user]
        if let slot {
            touch(slot: slot)
            agents[slot].inCall = true
        }
        if let index = inCall.index(forKey: user) {
            let wasFree = inCall.values[index].isEmpty
            if !inCall.values[index].contains(call) { inCall.values[index].append(call) }
            if wasFree { out.add(.phoneState(user, inCall: true)) }
        } else {
            inCall[user] = [call]
            out.add(.phoneState(user, inCall: true))
        }
    }

    mutating func leaveCall(_ user: UserID, _ call: CallID, at now: Date, into out: inout Effects) {
        guard let index = inCall.index(forKey: user), let position = inCall.values[index].firstIndex(of: call) else { return }
        inCall.values[index].remove(at: position)
        let slot = agentSlots[user]
        if let slot { touch(slot: slot) }
        // The user's entry stays, empty: removing it would reshuffle the table on every call's end.
        guard inCall.values[index].isEmpty else { return }
        if let slot { agents[slot].inCall = false }
        out.add(.phoneState(user, inCall: false))
        servePersonalQueue(user, at: now, into: &out)
    }
}
