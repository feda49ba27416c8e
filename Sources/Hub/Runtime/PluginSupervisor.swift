import Foundation
import HubCore
import HubPluginSupport
import Logging
import ServiceLifecycle

/// Runs plugin instances, restarts failed ones with capped exponential backoff, records their state,
/// and on reload starts, stops and restarts only the instances whose files changed.
///
/// Instances come and go at run time (SIGHUP), so each runs in its own task kept in `running`;
/// `run()` cancels and awaits all of them on shutdown, so none outlives the service.
actor PluginSupervisor: Service {
    private struct Running {
        var config: PluginInstanceConfig
        /// nil for a disabled instance, which is kept here so a change or removal of its file is seen.
        var task: Task<Void, Never>?
    }

    private let registry: PluginRegistry
    private let directory: String
    private let engine: EngineService
    private let bus: EventBus
    private let stateRepository: any PluginStateRepository
    private let board: PluginStatusBoard
    private let clock: HubClock
    private let logger: Logger
    private let backoff: Backoff
    private let environment: [String: String]
    /// Hands message-gateway instances their queues; nil in tests without messaging.
    private let outbox: Outbox?
    private var running: [String: Running] = [:]

    init(
        registry: PluginRegistry, directory: String, engine: EngineService, bus: EventBus,
        stateRepository: any PluginStateRepository, board: PluginStatusBoard, clock: HubClock, logger: Logger,
        backoff: Backoff = Backoff(initial: .seconds(1), maximum: .seconds(300), multiplier: 2, jitter: 0.1),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        outbox: Outbox? = nil
    ) {
        self.outbox = outbox
        self.registry = registry
        self.directory = directory
        self.engine = engine
        self.bus = bus
        self.stateRepository = stateRepository
        self.board = board
        self.clock = clock
        self.logger = logger
        self.backoff = backoff
        self.environment = environment
    }

    func run() async throws {
        reload()
        try? await gracefulShutdown()
        await stopAll()
    }

    /// Re-reads the plugins directory and applies the differences; returns the problems found.
    @discardableResult
    func reload() -> [ConfigProblem] {
        let (configs, problems) = PluginsDirectory.load(directory: directory, registry: registry, environment: environment)
        for problem in problems { logger.error("plugin configuration rejected: \(problem)") }
        apply(configs)
        return problems
    }

    /// Starts new instances, stops removed ones, restarts changed ones; unchanged ones keep running.
    func apply(_ configs: [PluginInstanceConfig]) {
        let wanted = Dictionary(configs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, instance) in running where wanted[id]?.fingerprint != instance.config.fingerprint {
            instance.task?.cancel()
            running.removeValue(forKey: id)
            if wanted[id] == nil { board.remove(id) }
            logger.info("plugin instance stopped", metadata: ["plugin.instance": "\(id)"])
        }
        for (id, config) in wanted.sorted(by: { $0.key < $1.key }) where running[id] == nil {
            start(config)
        }
    }

    /// Ids of the configured instances (running, failed or disabled) with their configuration fingerprints (for tests).
    func fingerprints() -> [String: String] { running.mapValues(\.config.fingerprint) }

    /// Stops every instance and waits for them.
    func stopAll() async {
        let tasks = running.values.compactMap(\.task)
        running.removeAll()
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    private func start(_ config: PluginInstanceConfig) {
        let now = clock.now()
        var status = PluginInstanceStatus(
            id: config.id, kind: config.kind, tenant: config.tenant, file: config.file, state: .starting, restarts: 0,
            lastError: nil, nextAttemptAt: nil, since: now)
        guard config.enabled, let factory = registry.factory(config.kind) else {
            if config.enabled {
                status.state = .failed
                status.lastError = "unknown plugin kind '\(config.kind)'"
            } else {
                status.state = .disabled
            }
            board.set(status)
            running[config.id] = Running(config: config, task: nil)
            return
        }
        let generation = board.set(status)
        var logger = self.logger
        logger[metadataKey: "plugin.kind"] = "\(config.kind)"
        logger[metadataKey: "plugin.instance"] = "\(config.id)"
        logger.logLevel = config.logLevel
        let bus = self.bus
        let tenant = config.tenant
        let context = PluginContext(
            instanceID: config.id, tenant: tenant, logger: logger, clock: clock,
            sink: EnginePluginSink(engine: engine, tenant: tenant, instanceID: config.id, outbox: outbox),
            directory: EngineDirectoryLookup(engine: engine, tenant: tenant),
            state: StorePluginState(repository: stateRepository, instanceID: config.id),
            subscribe: { bus.subscribe(tenant: tenant) },
            outbox: Self.queue(outbox, factory.descriptor, tenant: tenant, instance: config.id, clock: clock),
            status: BoardStatusReporter(board: board, id: config.id, generation: generation))
        let loop = InstanceLoop(
            config: config, factory: factory, context: context, board: board, generation: generation, backoff: backoff,
            engine: engine)
        let outbox = self.outbox
        let instance = config.id
        running[config.id] = Running(config: config, task: Task {
            await loop.run()
            // Messages the instance took and never reported are offered to the next gateway at once.
            await outbox?.release(gateway: instance)
        })
    }

    /// The outbox queue of a message-gateway instance (its tenant, its kind's channels); empty for other roles.
    private static func queue(
        _ outbox: Outbox?, _ descriptor: PluginDescriptor, tenant: TenantID, instance: String, clock: HubClock
    ) -> any OutboundMessageQueue {
        guard let outbox, descriptor.roles.contains(.messageGateway) else { return NoOutboundMessages() }
        return OutboxQueue(outbox: outbox, tenant: tenant, channels: descriptor.messageChannels, gateway: instance, clock: clock)
    }
}

/// The life of one instance: build, run, classify the failure, back off, repeat until cancelled.
struct InstanceLoop: Sendable {
    let config: PluginInstanceConfig
    let factory: PluginFactory
    let context: PluginContext
    let board: PluginStatusBoard
    /// The board entry this loop owns; once a reload replaces the instance, this loop's updates are ignored.
    let generation: UInt64
    let backoff: Backoff
    let engine: EngineService
    /// A run that lasted this long resets the backoff.
    static let stableAfter: TimeInterval = 60

    func run() async {
        let id = config.id
        let clock = context.clock
        var attempt = 0
        while !Task.isCancelled {
            guard await engine.tenantIDs().contains(config.tenant) else {
                fail("no tenant '\(config.tenant)' on this hub")
                return
            }
            let started = clock.now()
            board.update(id, generation: generation) { $0.state = .running; $0.since = started; $0.nextAttemptAt = nil; $0.detail = nil }
            let failure: PluginError
            do {
                let plugin = try factory.make(settings: config.settings, context: context)
                try await plugin.run(context: context)
                if Task.isCancelled { break }
                failure = .unavailable("run() returned without being cancelled")
            } catch is CancellationError {
                break
            } catch let error as PluginError {
                failure = error
            } catch let error as DecodingError {
                failure = .misconfigured(Self.describe(error))
            } catch {
                if Task.isCancelled { break }
                failure = .unavailable("\(error)")
            }
            if case let .misconfigured(message) = failure {
                fail("misconfigured: \(message)")
                return
            }
            if clock.now().timeIntervalSince(started) >= Self.stableAfter { attempt = 0 }
            attempt += 1
            var random = SystemRandomNumberGenerator()
            var delay = backoff.delay(attempt: attempt, using: &random)
            if case .authenticationFailed = failure { delay = max(delay, .seconds(60)) }
            let next = clock.now().addingTimeInterval(delay.timeInterval)
            context.logger.warning("plugin instance failed; retrying", metadata: [
                "error": "\(failure)", "attempt": "\(attempt)", "retry_in_s": "\(delay.timeInterval)",
            ])
            board.update(id, generation: generation) {
                $0.state = .retrying
                $0.restarts += 1
                $0.lastError = failure.description
                $0.nextAttemptAt = next
                $0.since = clock.now()
            }
            do { try await clock.sleep(delay) } catch { break }
        }
        board.update(id, generation: generation) { $0.state = .stopped; $0.since = clock.now(); $0.nextAttemptAt = nil }
    }

    private func fail(_ message: String) {
        context.logger.error("plugin instance failed permanently until its file changes", metadata: ["error": "\(message)"])
        board.update(config.id, generation: generation) {
            $0.state = .failed
            $0.lastError = message
            $0.nextAttemptAt = nil
            $0.since = context.clock.now()
        }
    }

    /// `settings.key: reason` for a settings decoding error.
    static func describe(_ error: DecodingError) -> String {
        let (path, reason) = error.pathAndReason
        return path.replacingOccurrences(of: "$", with: "settings") + ": " + reason
    }
}
