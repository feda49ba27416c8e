import Foundation

/// The presence state machine of one tenant: applies updates with the precedence and expiry rules of
/// PRES-8 and says which timers to set. Pure: time comes in, effects go out.
public struct PresenceEngine: Sendable {
    /// The tenant's activities and roles.
    public var catalogue: ActivityCatalogue
    /// Current presence by user; users never changed have none (see ``presence(of:at:)``).
    public private(set) var presences: [UserID: Presence]

    /// Creates an engine over a tenant's catalogue and any presences already stored.
    public init(catalogue: ActivityCatalogue = .standard, presences: [UserID: Presence] = [:]) {
        self.catalogue = catalogue
        self.presences = presences
    }

    /// The user's presence, or the default (the revert activity, set by admin at `now`) if never set.
    public func presence(of user: UserID, at now: Date) -> Presence {
        presences[user] ?? Presence(activity: catalogue.revertActivity, source: .admin, changedAt: now)
    }

    /// Applies one input and returns what happened.
    public mutating func handle(_ input: PresenceInput, at now: Date) throws(ValidationError) -> [PresenceEffect] {
        switch input {
        case let .update(user, update): try apply(update, to: user, at: now)
        case let .expire(user): expire(user, at: now)
        case let .lift(user, source): try lift(user, source: source, at: now)
        case let .remove(user): presences.removeValue(forKey: user)?.pendingRevert == nil ? [] : [.cancelWake(user)]
        }
    }

    /// The validation an update must pass against this catalogue, independent of current state.
    public func validate(_ update: PresenceUpdate, at now: Date) throws(ValidationError) {
        var issues = ValidationCollector()
        if let activity = update.activity, catalogue.activity(activity) == nil {
            issues.add("$.activity", "unknown activity '\(activity)'; known: "
                + catalogue.activities.map(\.id.rawValue).joined(separator: ", "))
        }
        if let role = update.role, !catalogue.hasRole(role) {
            issues.add("$.role", "unknown role '\(role)'; known: " + catalogue.roles.map(\.rawValue).joined(separator: ", "))
        }
        for (path, text) in [("$.note", update.note?.value), ("$.noteIfEmpty", update.noteIfEmpty)] {
            if let text, text.count > PresenceUpdate.maximumNoteLength {
                issues.add(path, "at most \(PresenceUpdate.maximumNoteLength) characters (got \(text.count))")
            }
        }
        if let until = update.until?.value, until <= now, update.endsAt == nil {
            issues.add("$.until", "must be in the future")
        }
        if update.endsAt != nil, update.source.isManual {
            issues.add("$.endsAt", "only automatic sources (access control, calendar, SIP, API clients) set an end time; users set 'until', which is informative")
        }
        if update.idle == true, update.online == false {
            issues.add("$.idle", "a user who is not online cannot be idle")
        }
        if !update.changesPresence, update.online == nil, update.idle == nil {
            issues.add("$", "nothing to change: give at least one of activity, role, until, note, online, idle")
        }
        try issues.finish()
    }

    private mutating func apply(_ update: PresenceUpdate, to user: UserID, at now: Date) throws(ValidationError) -> [PresenceEffect] {
        try validate(update, at: now)
        let current = presences[user]
        let before = current ?? presence(of: user, at: now)
        var next = before
        var effects: [PresenceEffect] = []
        // A source clock ahead of ours must not push `lastManualAt` into the future (that would block
        // every automatic change until then), so the time of occurrence is capped at `now`.
        let occurred = min(update.occurredAt ?? now, now)
        if update.idle == true, !(update.online ?? before.online) {
            throw ValidationError(path: "$.idle", reason: "a user who is not online cannot be idle")
        }

        if update.changesPresence {
            if !update.source.isManual, let manual = before.lastManualAt, occurred <= manual {
                return [.ignored(user, .olderThanManualChange)]
            }
            if let endsAt = update.endsAt, endsAt <= now {
                return [.ignored(user, .alreadyEnded)]
            }
            if let activity = update.activity { next.activity = activity }
            if let role = update.role { next.role = role }
            if let until = update.until {
                next.until = until.value
            } else if let activity = update.activity, activity != before.activity {
                // The until-time belongs to the activity it was given with (PRES-3): a new activity
                // without one must not inherit "in a meeting until 14:00".
                next.until = nil
            }
            if let note = update.note { next.note = note.value ?? "" }
            // A note an automatic change wrote and that is still pending its revert is not the user's:
            // a later automatic change may replace it, and its revert still clears it.
            var noteWritten: String?
            let automaticNote = update.note == nil ? before.pendingRevert?.noteWritten : nil
            if let text = update.noteIfEmpty, !text.isEmpty, next.note.isEmpty || next.note == automaticNote {
                next.note = text
                noteWritten = text
            } else if let automaticNote, next.note == automaticNote {
                noteWritten = automaticNote
            }
            next.source = update.source
            next.changedAt = now
            next.revision += 1
            if update.source.isManual { next.lastManualAt = max(occurred, before.lastManualAt ?? occurred) }
            if let endsAt = update.endsAt {
                if update.until == nil { next.until = endsAt }
                next.pendingRevert = PendingRevert(at: endsAt, revision: next.revision, source: update.source, noteWritten: noteWritten)
                effects.append(.wake(user, at: endsAt))
            } else if before.pendingRevert != nil {
                next.pendingRevert = nil
                effects.append(.cancelWake(user))
            }
        }
        if let online = update.online { next.online = online }
        if let idle = update.idle { next.idle = idle }
        if !next.online { next.idle = false }

        guard next != before || current == nil else { return [.ignored(user, .noChange)] }
        presences[user] = next
        let change = PresenceChange(user: user, before: current, after: next, source: update.source, at: now, reason: .update)
        return [.changed(change)] + effects
    }

    private mutating func expire(_ user: UserID, at now: Date) -> [PresenceEffect] {
        guard let current = presences[user], let pending = current.pendingRevert else { return [] }
        // A timer that fired early must not lose the revert: ask for it again.
        guard pending.at <= now else { return [.wake(user, at: pending.at)] }
        guard current.revision == pending.revision else {
            var next = current
            next.pendingRevert = nil
            presences[user] = next
            return [.ignored(user, .changedSince)]
        }
        return [.changed(revert(user, current, pending, at: now, reason: .expired))]
    }

    /// Ends `source`'s change now, as its expiry would, but only while that change is still the presence:
    /// its revert is pending, it belongs to `source`, and nothing changed the presence since (PRES-8).
    private mutating func lift(_ user: UserID, source: PresenceSource, at now: Date) throws(ValidationError) -> [PresenceEffect] {
        guard !source.isManual else {
            throw ValidationError(
                path: "$.source", reason: "only automatic sources lift a change they made; '\(source.rawValue)' sets no end time")
        }
        guard let current = presences[user], let pending = current.pendingRevert, pending.source == source,
              pending.revision == current.revision else {
            return [.ignored(user, .changedSince)]
        }
        // Past the end the change is over; the pending expiry reverts it under its own reason.
        guard pending.at > now else { return [.ignored(user, .alreadyEnded)] }
        return [.changed(revert(user, current, pending, at: now, reason: .lifted)), .cancelWake(user)]
    }

    /// Returns `user` to the revert activity, clearing the until-time and the note the change wrote.
    private mutating func revert(
        _ user: UserID, _ current: Presence, _ pending: PendingRevert, at now: Date, reason: PresenceChange.Reason
    ) -> PresenceChange {
        var next = current
        next.pendingRevert = nil
        next.activity = catalogue.revertActivity
        next.until = nil
        if let written = pending.noteWritten, next.note == written { next.note = "" }
        next.source = pending.source
        next.changedAt = now
        next.revision += 1
        presences[user] = next
        return PresenceChange(user: user, before: current, after: next, source: pending.source, at: now, reason: reason)
    }
}
