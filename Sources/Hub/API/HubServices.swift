import HubCore
import Logging

/// The services the API and CLI call into.
struct HubServices: Sendable {
    let engine: EngineService
    let tokens: TokenService
    let bus: EventBus
    let metrics: HubMetrics
    let repository: any HubRepository
    let plugins: PluginStatusBoard
    let clock: HubClock
    let logger: Logger
    /// The durable outbox of SMS and e-mail (MSG-2..4).
    let outbox: Outbox
    /// Sends users the notifications they chose (MSG-4).
    let notifier: Notifier
    /// Call routing: queues, hunt groups, personal rules (ROUTE, ACD, HUNT, LOG).
    let routing: RoutingService
    /// Call records and call logs on disk.
    let routingRepository: RoutingRepository
    /// Stream events encoded once per variant for all subscribers.
    let streamEncodings = StreamEncodingCache()
}
