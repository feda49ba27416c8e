import HubCore
import ServiceLifecycle

/// The routing service's background work: the presence/directory feed and the timer wheel.
struct RoutingRunner: Service {
    let routing: RoutingService
    let feed: AsyncStream<HubEvent>
    let clock: HubClock

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            let routing = self.routing
            let feed = self.feed
            group.addTask {
                for await event in feed { await routing.observe(event) }
            }
            group.addTask { await RoutingTimerWheel(routing: routing, clock: clock).run() }
            group.addTask { try? await gracefulShutdown() }
            await group.next()
            group.cancelAll()
        }
    }
}
