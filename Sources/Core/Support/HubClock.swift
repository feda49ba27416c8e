import Foundation

/// Wall time and sleeping, injected everywhere so tests drive time by hand.
///
/// In production it reads the system time; in tests it is built over a manual clock
/// (`TestClock`) and an epoch, so advancing the clock advances `now()` exactly.
public struct HubClock: Sendable {
    /// The current wall time.
    public let now: @Sendable () -> Date
    /// Sleeps for the given duration (cancellable).
    public let sleep: @Sendable (Duration) async throws -> Void

    /// Creates a clock from a wall-time reader and a sleep function.
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// A wall clock driven by `clock`, reading `epoch` at the moment of creation.
    public init<C: Clock>(_ clock: C, epoch: Date) where C.Duration == Duration {
        let start = clock.now
        self.now = { epoch.addingTimeInterval(start.duration(to: clock.now).timeInterval) }
        self.sleep = { try await clock.sleep(for: $0) }
    }

    /// The real clock of the machine.
    public static let system = HubClock(
        now: { Date() },
        sleep: { try await ContinuousClock().sleep(for: $0) }
    )

    /// Sleeps until the wall time `deadline` (returns at once if it has passed).
    public func sleep(until deadline: Date) async throws {
        // Capped so a far deadline (`Date.distantFuture`) cannot overflow `Int64` nanoseconds; 1e9 s is ~31 years.
        let seconds = min(deadline.timeIntervalSince(now()), 1e9)
        if seconds > 0 { try await sleep(.nanoseconds(Int64((seconds * 1e9).rounded(.up)))) }
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    public var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
