import Foundation
import HubCore

/// Identifies a presence timer: one per user.
struct TimerKey: Hashable, Sendable {
    var tenant: TenantID
    var user: UserID
}

/// Deadlines of pending presence reverts; the timer wheel sleeps until the earliest.
struct TimerSchedule: Sendable {
    private var deadlines: [TimerKey: Date] = [:]

    /// Sets (or moves) the timer of `key`.
    mutating func set(_ key: TimerKey, at deadline: Date) { deadlines[key] = deadline }

    /// Drops the timer of `key`.
    mutating func cancel(_ key: TimerKey) { deadlines.removeValue(forKey: key) }

    /// The earliest deadline, if any.
    var earliest: Date? { deadlines.values.min() }

    /// Removes and returns the timers due at `now`, earliest first.
    mutating func takeDue(at now: Date) -> [TimerKey] {
        let due = deadlines.filter { $0.value <= now }.sorted { $0.value < $1.value }.map(\.key)
        for key in due { deadlines.removeValue(forKey: key) }
        return due
    }
}
