import Foundation

extension RoutingEngine {
    mutating func startHunt(_ id: CallID, _ groupID: HuntGroupID, at now: Date, into out: inout Effects) {
        guard let group = huntConfig(groupID) else { return }
        if isClosed(group.schedule) {
            calls[id]?.mode = .hunt(groupID, HuntProgress(order: []))
            return finish(id, group.night.map { .diverted(.night, to: $0) } ?? .rejected("hunt group closed"), at: now, into: &out)
        }
        var order = group.members
        if group.randomOrder { order.shuffle(using: &random) }
        calls[id]?.mode = .hunt(groupID, HuntProgress(order: order))
        for message in group.messagesBefore { out.add(.play(id, .message(message))) }
        ringHunt(id, at: now, into: &out)
    }

    /// HUNT-3: members skipped for their activity, role or profile, or because they are in a call.
    func huntEligible(_ user: UserID, _ group: HuntGroupConfig) -> Bool {
        guard let person = users[user], !person.isBasic else { return false }
        if group.excludeActivities.contains(person.activity) || group.excludeRoles.contains(person.role) { return false }
        return (inCall[user] ?? []).isEmpty && agent(user)?.ringing == nil
    }

    /// Rings the next step: every eligible member (parallel) or the next eligible one (serial).
    mutating func ringHunt(_ id: CallID, at now: Date, into out: inout Effects) {
        guard let call = calls[id], case .hunt(let groupID, var progress) = call.mode, let group = huntConfig(groupID) else { return }
        var targets: [UserID] = []
        switch group.mode {
        case .parallel:
            targets = progress.order.filter { huntEligible($0, group) }
        case .serial:
            // The next eligible member in this pass; skipped members use up no ring time.
            while progress.index < progress.order.count {
                let candidate = progress.order[progress.index]
                progress.index += 1
                if huntEligible(candidate, group) { targets = [candidate]; break }
            }
        }
        calls[id]?.mode = .hunt(groupID, progress)
        guard !targets.isEmpty else { return huntStepEnded(id, at: now, into: &out, nobodyRang: true) }
        var state = call
        state.mode = .hunt(groupID, progress)
        for user in targets {
            guard let person = users[user] else { continue }
            let terminals = group.terminals.isEmpty ? person.terminals : person.terminals.filter(group.terminals.contains)
            for terminal in terminals {
                let number = terminal == .mobile ? person.mobileNumber : nil
                if terminal == .mobile && number == nil { continue }
                let leg = state.addLeg(LegState(user: user, terminal: terminal, number: number))
                out.add(.ring(id, RingLeg(leg: leg, user: user, terminal: terminal, number: number, seconds: group.ringSeconds,
                                          display: "\(group.name): \(call.from)")))
            }
            if !state.rungUsers.contains(user) { state.rungUsers.append(user) }
        }
        calls[id] = state
        out.add(.wake(.huntStep(id), at: now + TimeInterval(group.ringSeconds)))
    }

    /// Every leg of the current step failed before its time was up: move on now.
    mutating func huntLegEnded(_ id: CallID, at now: Date, into out: inout Effects) {
        guard calls[id]?.legs.isEmpty == true else { return }
        out.add(.cancelWake(.huntStep(id)))
        huntStepEnded(id, at: now, into: &out, nobodyRang: false)
    }

    /// A step rang out: next member, next round, or overflow after the configured attempts (HUNT-4).
    mutating func huntStepEnded(_ id: CallID, at now: Date, into out: inout Effects, nobodyRang: Bool) {
        guard let call = calls[id], call.answeredLeg == nil, case .hunt(let groupID, var progress) = call.mode,
              let group = huntConfig(groupID) else { return }
        cancelLegs(id, except: nil, into: &out)
        let passDone = group.mode == .parallel || progress.index >= progress.order.count
        let anyone = group.members.contains { huntEligible($0, group) }
        if passDone {
            if progress.round >= max(group.attempts, 1) || !anyone {
                for message in group.messagesAfter { out.add(.play(id, .message(message))) }
                return finish(id, group.overflow.map { .diverted(.huntOverflow, to: $0) } ?? .rejected("nobody in the hunt group answered"),
                              at: now, into: &out)
            }
            progress.round += 1
            progress.index = 0
            calls[id]?.mode = .hunt(groupID, progress)
        }
        ringHunt(id, at: now, into: &out)
    }
}
