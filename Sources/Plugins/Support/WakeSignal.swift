import Foundation
import HubCore
import Synchronization

/// A one-slot wake-up for one sleeping task: a timer loop told its next deadline moved, an outbox worker
/// told a message is queued, a mailbox told to read now. A `notify` while nobody waits is remembered for
/// the next wait, so a wake-up that arrives while the task is busy is not lost.
public final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// Creates a signal with nothing pending.
    public init() {}

    /// Wakes the waiter, or marks the signal pending for the next wait.
    public func notify() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns at the next `notify` (at once if one is pending) or when the task is cancelled; a cancelled
    /// wait leaves nothing pending behind.
    public func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }

    /// Sleeps until `deadline` on `clock` or until notified, whichever comes first; true if notified.
    /// Cancellation ends the wait (returning false).
    public func wait(until deadline: Date, clock: HubClock) async -> Bool {
        if state.withLock({ state in defer { state.pending = false }; return state.pending }) { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                try? await clock.sleep(until: deadline)
                return false
            }
            group.addTask { [self] in
                await wait()
                return !Task.isCancelled
            }
            let notified = await group.next() ?? false
            group.cancelAll()
            return notified
        }
    }
}
