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
    /// Stream events encoded once per variant for all subscribers.
    let streamEncodings = StreamEncodingCache()
}
