import Foundation

extension RoutingEngine {
    mutating func routePersonal(_ id: CallID, user: RoutingUser, rule: PersonalRule, at now: Date, into out: inout Effects) {
        if !(inCall[user.id] ?? []).isEmpty {
            return applyBusy(id, user: user, rule: rule, at: now, into: &out)
        }
        switch rule.action {
        case let .ring(terminals): ringPersonal(id, user: user, terminals: terminals, seconds: rule.ringSeconds, at: now, into: &out)
        case let .forward(number): finish(id, .diverted(.forward, to: number), at: now, into: &out)
        case .voicemail: finishVoicemail(id, user: user, at: now, into: &out)
        case .operator: divertToOperator(id, at: now, into: &out)
        }
    }

    mutating func ringPersonal(_ id: CallID, user: RoutingUser, terminals: [Terminal], seconds: Int, at now: Date, into out: inout Effects) {
        guard var call = calls[id] else { return }
        let wanted = terminals.isEmpty ? user.terminals : user.terminals.filter(terminals.contains)
        var rang = false
        for terminal in wanted {
            let number = terminal == .mobile ? user.mobileNumber : nil
            if terminal == .mobile && number == nil { continue }
            let leg = call.addLeg(LegState(user: user.id, terminal: terminal, number: number))
            out.add(.ring(id, RingLeg(leg: leg, user: user.id, terminal: terminal, number: number, seconds: seconds, display: call.from)))
            rang = true
        }
        if !call.rungUsers.contains(user.id) { call.rungUsers.append(user.id) }
        calls[id] = call
        if rang {
            out.add(.wake(.personalNoAnswer(id), at: now + TimeInterval(seconds)))
        } else {
            personalNoAnswer(id, at: now, into: &out)
        }
    }

    mutating func applyBusy(_ id: CallID, user: RoutingUser, rule: PersonalRule, at now: Date, into out: inout Effects) {
        switch rule.busy {
        case .voicemail: finishVoicemail(id, user: user, at: now, into: &out)
        case let .forward(number): finish(id, .diverted(.busy, to: number), at: now, into: &out)
        case .operator: divertToOperator(id, at: now, into: &out)
        case .ringAnyway:
            if case let .ring(terminals) = rule.action {
                ringPersonal(id, user: user, terminals: terminals, seconds: rule.ringSeconds, at: now, into: &out)
            } else {
                ringPersonal(id, user: user, terminals: [], seconds: rule.ringSeconds, at: now, into: &out)
            }
        case .personalQueue:
            calls[id]?.mode = .personalQueued(user.id, rule)
            personalWaiting[user.id, default: []].append(id)
            out.add(.play(id, .message("personal-queue")))
        }
    }

    /// Rings a busy user's personal queue when their last call ends (ACD-11 callback when free).
    mutating func servePersonalQueue(_ user: UserID, at now: Date, into out: inout Effects) {
        guard !personalWaiting.isEmpty, (inCall[user] ?? []).isEmpty, var waiting = personalWaiting[user], !waiting.isEmpty,
              let person = users[user] else { return }
        let next = waiting.removeFirst()
        personalWaiting[user] = waiting.isEmpty ? nil : waiting
        guard case let .personalQueued(_, rule)? = calls[next]?.mode else { return }
        calls[next]?.mode = .personal(user, rule)
        let terminals: [Terminal] = if case let .ring(list) = rule.action { list } else { [] }
        ringPersonal(next, user: person, terminals: terminals, seconds: rule.ringSeconds, at: now, into: &out)
    }

    mutating func personalNoAnswer(_ id: CallID, at now: Date, into out: inout Effects) {
        guard let call = calls[id], case let .personal(user, rule) = call.mode, call.answeredLeg == nil else { return }
        cancelLegs(id, except: nil, into: &out)
        guard let person = users[user] else { return finish(id, .rejected("user removed"), at: now, into: &out) }
        switch rule.noAnswer {
        case .voicemail: finishVoicemail(id, user: person, at: now, into: &out)
        case let .forward(number): finish(id, .diverted(.noAnswer, to: number), at: now, into: &out)
        case .operator: divertToOperator(id, at: now, into: &out)
        }
    }

    mutating func finishVoicemail(_ id: CallID, user: RoutingUser, at now: Date, into out: inout Effects) {
        out.add(.voicemail(id, user.id, presence: callerFacingPresence(of: user, at: now)))
        finish(id, .voicemail(user.id), at: now, into: &out)
    }

    /// The activity and until-time a caller may hear, never the note (PRES-9).
    func callerFacingPresence(of user: RoutingUser, at now: Date) -> CallerFacingPresence {
        let presence = Presence(activity: user.activity, role: user.role, until: user.until, source: .admin, changedAt: now)
        let phrases = PhraseLanguage.allCases.map {
            PresencePhrase(presence: presence, catalogue: catalogue, language: $0, timeZone: timeZone, now: now)
        }
        return CallerFacingPresence(activity: user.activity, until: user.until, phrases: phrases)
    }

    mutating func divertToOperator(_ id: CallID, at now: Date, into out: inout Effects) {
        if let number = plan.operatorNumber {
            finish(id, .diverted(.operator, to: number), at: now, into: &out)
        } else {
            finish(id, .rejected("no operator number configured"), at: now, into: &out)
        }
    }
}
