import Foundation

extension RoutingEngine {
    mutating func fire(_ timer: RoutingTimer, at now: Date, into out: inout Effects) {
        switch timer {
        case let .ring(call, leg):
            guard calls[call]?.legs[leg] != nil else { return }
            out.add(.cancelRing(call, leg))
            legFailed(call, leg, .noAnswer, at: now, into: &out)
        case let .personalNoAnswer(call): personalNoAnswer(call, at: now, into: &out)
        case let .queueNoAnswer(call): queueNoAnswer(call, at: now, into: &out)
        case let .queueTimeout(call): queueTimeout(call, at: now, into: &out)
        case let .progress(call): progress(call, at: now, into: &out)
        case let .wrapUp(user):
            if let until = agents[user]?.wrapUpUntil, until <= now {
                agents[user]?.wrapUpUntil = nil
                touch(user)
            }
        case let .rushWait(queue): updateRush(queue, at: now, into: &out)
        case let .huntStep(call):
            guard calls[call]?.answeredLeg == nil else { return }
            huntStepEnded(call, at: now, into: &out, nobodyRang: false)
        }
    }

    /// ACD-8 progress message: position and an estimated wait that never grows while the caller waits.
    mutating func progress(_ id: CallID, at now: Date, into out: inout Effects) {
        guard let call = calls[id], case let .queue(queueID) = call.mode, call.answeredLeg == nil,
              let queue = queueConfig(queueID), let position = position(of: id) else { return }
        let settings = queue.announcements
        if settings.announcePosition { out.add(.play(id, .position(position))) }
        if settings.announceWait, let estimate = estimatedWait(queueID, position: position, at: now) {
            let index = queues[queueID]?.waiting.firstIndex { $0.call == id }
            let previous = index.flatMap { queues[queueID]?.waiting[$0].lastAnnouncedWait }
            let said = min(estimate, previous ?? .max)
            if let index { queues[queueID]?.waiting[index].lastAnnouncedWait = said }
            out.add(.play(id, .estimatedWait(said)))
        }
        out.add(.wake(.progress(id), at: now + TimeInterval(settings.progressEverySeconds)))
    }
}
