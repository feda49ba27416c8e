import Foundation
import HubCore
import HubPluginSupport
import ServiceLifecycle

/// Sleeps on the injected clock until the engine's earliest deadline, then fires due timers.
struct TimerWheel: Service {
    let engine: EngineService
    let clock: HubClock

    func run() async throws {
        let engine = self.engine
        await TimerLoop.run(clock: clock, signal: engine.timerSignal, nextDeadline: { await engine.nextDeadline() },
                            fire: { await engine.fireDueTimers() })
    }
}

/// Sleeps on the injected clock until the next deadline or a wake-up, then fires what is due; until cancelled
/// or the service group shuts down. Shared by the presence and routing timer wheels.
enum TimerLoop {
    static func run(
        clock: HubClock, signal: WakeSignal, nextDeadline: @escaping @Sendable () async -> Date?, fire: @Sendable () async -> Void
    ) async {
        while !Task.isCancelledOrShuttingDown {
            let deadline = await nextDeadline()
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
            await fire()
        }
    }
}

extension Task where Success == Never, Failure == Never {
    /// Whether the current task is cancelled or the service group is shutting down.
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}

