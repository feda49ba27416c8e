import Foundation
import HubCore
import Synchronization

/// Wakes one sleeping mailbox task early (a push notification, a manual "sync now").
///
/// A signal fired while nobody waits is remembered, so a trigger that arrives during a read is not lost.
final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// Wakes the waiter, or marks the signal pending for the next wait.
    func fire() {
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

    /// Sleeps until `deadline` on `clock` or until fired, whichever comes first; returns true if fired.
    /// Cancellation ends the wait (returning false).
    func wait(until deadline: Date, clock: HubClock) async -> Bool {
        if state.withLock({ state in defer { state.pending = false }; return state.pending }) { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                try? await clock.sleep(until: deadline)
                return false
            }
            group.addTask { [self] in
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
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
                return !Task.isCancelled
            }
            let fired = await group.next() ?? false
            group.cancelAll()
            return fired
        }
    }
}
