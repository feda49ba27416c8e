import Foundation
import HubCore
import Logging

/// Turning decisions into presence: set, move, or lift what the calendar caused (PRES-8 aware).
extension CalendarMailboxWorker {
    mutating func apply(_ decision: CalendarDecision, at now: Date) async {
        retryPresenceAt = nil
        if let wanted = decision.presence {
            guard applied?.presence != wanted else { return }
            await submit(.presence(user, CalendarAppliedPresence.update(setting: wanted)), recording: wanted, at: now)
        } else if let previous = applied {
            // The hub lifts it only if it is still the calendar's change (PRES-8); a natural end needs nothing.
            if previous.isLiftable(at: now) {
                await submit(.liftPresence(user, source: .calendar), recording: nil, at: now)
            } else {
                applied = nil
                await save(CalendarAppliedPresence?.none, CalendarSyncKeys.applied(user))
            }
        }
    }

    private mutating func submit(_ output: PluginOutput, recording presence: CalendarPresence?, at now: Date) async {
        let result: PluginOutputResult
        do {
            result = try await context.sink.submit(output)
        } catch {
            retryPresenceAt = now.addingTimeInterval(30)
            context.logger.warning("calendar sync: hub did not take presence", metadata: ["user": "\(user)", "error": "\(error)"])
            return
        }
        let accepted: Bool
        switch result {
        case .applied, .ignored(.noChange): accepted = true
        case let .ignored(reason):
            accepted = false
            context.logger.debug("calendar presence ignored", metadata: ["user": "\(user)", "reason": "\(reason.rawValue)"])
        case let .rejected(reason):
            accepted = false
            if let suppressed = logThrottle.record(at: now) {
                context.logger.warning(
                    "calendar presence rejected", metadata: ["user": "\(user)", "reason": "\(reason)", "suppressed": "\(suppressed)"])
            }
        }
        applied = presence.map { CalendarAppliedPresence(presence: $0, accepted: accepted, submittedAt: now) }
        await save(applied, CalendarSyncKeys.applied(user))
    }
}
