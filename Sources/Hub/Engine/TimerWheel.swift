import HubCore
import ServiceLifecycle

/// Sleeps on the injected clock until the engine's earliest deadline, then fires due timers.
struct TimerWheel: Service {
    let engine: EngineService
    let clock: HubClock

    func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            let deadline = await engine.nextDeadline()
            let signal = engine.timerSignal
            let clock = self.clock
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    if let deadline {
                        try? await clock.sleep(until: deadline)
                    } else {
                        try? await clock.sleep(.seconds(86_400))
                    }
                }
                group.addTask { await signal.wait() }
                group.addTask { try? await gracefulShutdown() }
                await group.next()
                group.cancelAll()
            }
            await engine.fireDueTimers()
        }
    }
}

extension Task where Success == Never, Failure == Never {
    /// Whether the current task is cancelled or the service group is shutting down.
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}

