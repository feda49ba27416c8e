import Foundation
import HubCore
import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle

/// Settings of a running hub (from the `serve` command line).
struct HubConfiguration: Sendable {
    var dataDirectory: String = "./var"
    var host: String = "127.0.0.1"
    var port: Int = 8080
    var pluginsDirectory: String = "./plugins.d"
}

/// Everything a running hub is made of: the store, the engine and its timer wheel, the plugin
/// supervisor and the HTTP application, wired in dependency order.
struct HubRuntime {
    let configuration: HubConfiguration
    let services: HubServices
    let timerWheel: TimerWheel
    let routingRunner: RoutingRunner
    let supervisor: PluginSupervisor
    let routes: [RouteSpec]
    let router: Router<HubRequestContext>

    /// Opens the store, loads the engine and builds the router.
    static func make(
        _ configuration: HubConfiguration, registry: PluginRegistry, clock: HubClock = .system, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> HubRuntime {
        let database = try HubDatabase(dataDirectory: configuration.dataDirectory)
        let repository = SQLiteRepository(database: database)
        let bus = EventBus()
        let metrics = HubMetrics()
        let engine = EngineService(repository: repository, bus: bus, clock: clock, metrics: metrics, logger: logger)
        try await engine.load()
        let board = PluginStatusBoard()
        let outbox = Outbox(database: database, engine: engine, clock: clock, logger: logger)
        try await outbox.load()
        let notifier = Notifier(
            engine: engine, outbox: outbox, composer: MessageComposer(engine: engine, settings: outbox.settings), logger: logger)
        let routingRepository = RoutingRepository(database: database)
        let routingFeed = bus.subscribe(tenant: nil, internalFeed: true)
        let routing = RoutingService(repository: routingRepository, engine: engine, clock: clock, logger: logger) { tenant, entry in
            await notifier.notify(tenant: tenant, user: entry.user, kind: .missedCall, text: "Missed call from \(entry.party)",
                                  idempotencyKey: "missed-\(entry.call)-\(entry.user)")
        }
        try await routing.load()
        let services = HubServices(
            engine: engine, tokens: TokenService(repository: repository, clock: clock), bus: bus, metrics: metrics,
            repository: repository, plugins: board, clock: clock, logger: logger, outbox: outbox, notifier: notifier,
            routing: routing, routingRepository: routingRepository)
        metrics.gauge("hub_stream_subscribers", help: "Event stream subscribers (WebSocket, SSE and plugins)") {
            [(labels: "", value: Double(bus.subscriberCount))]
        }
        metrics.gauge("hub_stream_events_dropped", help: "Events dropped because a subscriber fell behind") {
            [(labels: "", value: Double(bus.dropped))]
        }
        metrics.gauge("hub_plugin_instances", help: "Plugin instances by state") {
            let counts = board.countsByState()
            return ["starting", "running", "retrying", "failed", "stopped", "disabled"].map { state in
                (labels: "state=\"\(state)\"", value: Double(counts[PluginInstanceStatus.State(rawValue: state) ?? .stopped] ?? 0))
            }
        }
        let supervisor = PluginSupervisor(
            registry: registry, directory: configuration.pluginsDirectory, engine: engine, bus: bus,
            stateRepository: repository, board: board, clock: clock, logger: logger, environment: environment, outbox: outbox)
        let (router, routes) = APIRouter.build(services)
        return HubRuntime(
            configuration: configuration, services: services, timerWheel: TimerWheel(engine: engine, clock: clock),
            routingRunner: RoutingRunner(routing: routing, feed: routingFeed, clock: clock),
            supervisor: supervisor, routes: routes.routes, router: router)
    }

    /// The HTTP application with the timer wheel and plugin supervisor as its services.
    func application() -> some ApplicationProtocol {
        Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "hub"),
            services: [timerWheel, routingRunner, supervisor],
            logger: services.logger)
    }
}
