import Foundation
import HubCore
import HubPluginSupport
import Logging

extension RoutingService {
    /// The earliest routing deadline, if any.
    func nextDeadline() -> Date? { timers.values.min() }

    /// Fires every routing timer due now, earliest first; schedule timers re-evaluate time control.
    func fireDueTimers() async {
        let now = clock.now()
        let due = timers.filter { $0.value <= now }.sorted { ($0.value, "\($0.key.timer.map { "\($0)" } ?? "")") < ($1.value, "\($1.key.timer.map { "\($0)" } ?? "")") }
        for (key, _) in due {
            timers[key] = nil
            if let timer = key.timer {
                await apply(key.tenant, .timer(timer), at: now)
            } else {
                refreshSchedules(key.tenant, at: now)
            }
        }
    }

    /// Tells the tenant's engine which schedules are closed now and sets a timer for the next change.
    func refreshSchedules(_ tenant: TenantID, at now: Date) {
        guard let routing = tenants[tenant] else { return }
        let (closed, next) = routing.scheduleState(at: now)
        if closed != routing.engine.closedSchedules {
            let effects = tenants[tenant]?.engine.setClosedSchedules(closed, at: now) ?? []
            Task { await self.settle(tenant, effects, at: now) }
        }
        let key = RoutingTimerKey(tenant: tenant, timer: nil)
        timers[key] = next
        if next != nil { timerSignal.notify() }
    }
}

/// Sleeps on the injected clock until the earliest routing deadline, then fires due timers.
struct RoutingTimerWheel: Sendable {
    let routing: RoutingService
    let clock: HubClock

    /// Runs until cancelled.
    func run() async {
        let routing = self.routing
        await TimerLoop.run(clock: clock, signal: routing.timerSignal, nextDeadline: { await routing.nextDeadline() },
                            fire: { await routing.fireDueTimers() })
    }
}
