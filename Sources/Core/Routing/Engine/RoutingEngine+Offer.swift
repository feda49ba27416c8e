import Foundation

extension RoutingEngine {
    /// What a dialled number leads to: a user, a queue, a hunt group or outside.
    public func target(of number: String) -> CallTarget {
        if plan.emergencyNumbers.contains(number) { return .emergency(number) }
        return numbers[number] ?? .external(number)
    }

    mutating func offer(_ incoming: IncomingCall, at now: Date, into out: inout Effects) {
        guard calls[incoming.id] == nil else { return out.add(.reject(incoming.id, reason: "call id already in use")) }
        let target = target(of: incoming.to)
        var call = CallState(id: incoming.id, from: incoming.from, to: incoming.to, fromUser: incoming.fromUser,
                             priority: incoming.priority, offeredAt: now, target: target, mode: .emergency)
        switch target {
        case let .emergency(number):
            // ROUTE-6: no rule, presence, schedule or queue applies.
            calls[call.id] = call
            finish(call.id, .diverted(.emergency, to: emergencyCentre(for: incoming.fromUser) ?? number), at: now, into: &out)
        case let .user(user):
            guard let person = users[user] else { return out.add(.reject(call.id, reason: "unknown user")) }
            let rule = personalRule(for: person)
            call.mode = .personal(user, rule)
            calls[call.id] = call
            routePersonal(call.id, user: person, rule: rule, at: now, into: &out)
        case let .queue(queue):
            call.mode = .queue(queue)
            calls[call.id] = call
            joinQueue(call.id, queue, priority: call.priority, at: now, into: &out)
        case let .huntGroup(group):
            calls[call.id] = call
            startHunt(call.id, group, at: now, into: &out)
        case .external:
            out.add(.reject(call.id, reason: "number \(incoming.to) is not one of the tenant's"))
        }
    }

    mutating func dial(_ outgoing: OutgoingCall, at now: Date, into out: inout Effects) {
        guard calls[outgoing.id] == nil else { return out.add(.reject(outgoing.id, reason: "call id already in use")) }
        guard let user = users[outgoing.user] else { return out.add(.reject(outgoing.id, reason: "unknown user")) }
        out.add(.log(CallLogEntry(user: user.id, call: outgoing.id, kind: .dialled, party: outgoing.to, at: now, via: .direct)))
        let target = target(of: outgoing.to)
        switch target {
        case .emergency, .external:
            var call = CallState(id: outgoing.id, from: user.enterpriseNumber ?? user.mobileNumber ?? user.id.rawValue, to: outgoing.to,
                                 fromUser: user.id, priority: 0, offeredAt: now, target: target, mode: .outgoing(user.id))
            if case let .emergency(number) = target {
                call.mode = .emergency
                calls[call.id] = call
                return finish(call.id, .diverted(.emergency, to: emergencyCentre(for: user.id) ?? number), at: now, into: &out)
            }
            calls[call.id] = call
            enterCall(user.id, call.id, into: &out)
            out.add(.dialOut(call.id, to: outgoing.to, callerID: callerID(for: user)))
        case .user, .queue, .huntGroup:
            // An internal call is an offer from the user's own number.
            offer(IncomingCall(id: outgoing.id, from: user.enterpriseNumber ?? user.id.rawValue, to: outgoing.to, fromUser: user.id), at: now, into: &out)
        }
    }

    mutating func clickToCall(_ id: CallID, user: UserID, terminal: Terminal, to: String, at now: Date, into out: inout Effects) {
        guard calls[id] == nil else { return out.add(.reject(id, reason: "call id already in use")) }
        guard let person = users[user] else { return out.add(.reject(id, reason: "unknown user")) }
        var call = CallState(id: id, from: person.enterpriseNumber ?? user.rawValue, to: to, fromUser: user, priority: 0,
                             offeredAt: now, target: target(of: to), mode: .clickToCall(user, to: to))
        let number = terminal == .mobile ? person.mobileNumber : nil
        let leg = call.addLeg(LegState(user: user, terminal: terminal, number: number))
        calls[id] = call
        out.add(.log(CallLogEntry(user: user, call: id, kind: .dialled, party: to, at: now, via: .direct)))
        out.add(.ring(id, RingLeg(leg: leg, user: user, terminal: terminal, number: number, seconds: 30, display: to)))
        out.add(.wake(.ring(id, leg), at: now + 30))
    }

    func emergencyCentre(for user: UserID?) -> String? {
        let area = user.flatMap { plan.userEmergencyArea[$0] } ?? plan.defaultEmergencyArea
        return area.flatMap { plan.emergencyAreas[$0] }
    }

    /// The caller ID an outgoing call from `user` shows (ROUTE-4).
    public func callerID(for user: RoutingUser) -> String {
        switch plan.callerID[user.role] ?? .enterpriseNumber {
        case .enterpriseNumber: user.enterpriseNumber ?? user.mobileNumber ?? "anonymous"
        case .mobileNumber: user.mobileNumber ?? user.enterpriseNumber ?? "anonymous"
        case let .queue(queue): queueConfig(queue)?.number ?? user.enterpriseNumber ?? "anonymous"
        case let .number(number): number
        case .withheld: "anonymous"
        }
    }

    /// The personal rule that applies to a call for `user` now.
    public func personalRule(for user: RoutingUser) -> PersonalRule {
        plan.rules[user.id]?.first { $0.applies(activity: user.activity, role: user.role) } ?? .fallback
    }
}
