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
            if let slot = agentSlots[user], let until = agents[slot].wrapUpUntil, until <= now {
                agents[slot].wrapUpUntil = nil
                touch(slot: slot)
            }
        case let .rushWait(queue):
            if let position = queueIndex[queue] { updateRush(position, at: now, into: &out) }
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
            let position = queueIndex[queueID]
            let index = position.flatMap { position in queues[position].waiting.firstIndex { $0.call == id } }
            let previous = position.flatMap { position in index.flatMap { queues[position].waiting[$0].lastAnnouncedWait } }
            let said = min(estimate, previous ?? .max)
            if let position, let index { queues[position].waiting[index].lastAnnouncedWait = said }
            out.add(.play(id, .estimatedWait(said)))
        }
        out.add(.wake(.progress(id), at: now + TimeInterval(settings.progressEverySeconds)))
    }
}
