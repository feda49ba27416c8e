import Clocks
import Foundation
import HubCore

/// A ``HubClock`` driven by hand: `now()` starts at `epoch` and moves only when the test advances it.
///
/// ```swift
/// let time = TestHubClock()
/// let context = PluginContext.testing(clock: time.hubClock)
/// await time.advance(by: .seconds(30))   // wakes sleepers due by then
/// ```
public struct TestHubClock: Sendable {
    /// The default start: 2026-05-04 09:00:00 UTC (a Monday).
    public static let defaultEpoch = Date(timeIntervalSince1970: 1_777_885_200)

    /// The manual clock underneath.
    public let clock: TestClock<Duration>
    /// The wall clock to hand to plugins and engines.
    public let hubClock: HubClock

    /// Creates a clock reading `epoch` now.
    public init(epoch: Date = TestHubClock.defaultEpoch) {
        clock = TestClock()
        hubClock = HubClock(clock, epoch: epoch)
    }

    /// The current wall time.
    public var now: Date { hubClock.now() }

    /// Moves time forward, resuming every sleeper due by then.
    public func advance(by duration: Duration) async {
        await clock.advance(by: duration)
    }

    /// Resumes every sleeper, moving time to the last deadline.
    public func run() async {
        await clock.run()
    }
}
