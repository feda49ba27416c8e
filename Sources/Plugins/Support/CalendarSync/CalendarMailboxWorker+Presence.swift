import Foundation
import HubCore
import Logging

/// Turning decisions into presence: set, move, or lift what the calendar caused (PRES-8 aware).
extension CalendarMailboxWorker {
    mutating func apply(_ decision: CalendarDecision, at now: Date) async {
        retryPresenceAt = nil
        if let wanted = decision.presence {
            guard applied?.presence != wanted else { return }
            await submit(CalendarAppliedPresence.update(setting: wanted), recording: wanted, at: now)
        } else if let previous = applied {
            // Only lift what is still ours: not after it ended, not after another source changed presence.
            if previous.accepted, previous.presence.until > now, !ownership.changedByOthers(user, since: previous.submittedAt) {
                await submit(previous.liftUpdate(at: now), recording: nil, at: now)
            } else {
                applied = nil
                await save(CalendarAppliedPresence?.none, CalendarSyncKeys.applied(user))
            }
        }
    }

    private mutating func submit(_ update: PresenceUpdate, recording presence: CalendarPresence?, at now: Date) async {
        let result: PluginOutputResult
        do {
            result = try await context.sink.submit(.presence(user, update))
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
