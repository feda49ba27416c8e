import Clocks
import Foundation
@testable import Hub
import HubCore
import HubPluginSupport
import HubPluginTesting
import Logging
import Synchronization
import Testing

/// Paths in the repository that plugin tests use.
enum RepositoryFiles {
    /// The repository's `samples/plugins/presence_bridge.py`.
    static var presenceBridge: String { HubProcess.repositoryRoot.appendingPathComponent("samples/plugins/presence_bridge.py").path }

    /// The repository's `plugins.d/<kind>.toml.sample`.
    static func sampleFile(kind: String) -> String {
        HubProcess.repositoryRoot.appendingPathComponent("plugins.d/\(kind).toml.sample").path
    }

    /// A sample config with every `…/presence_bridge.py` program path pointed at the repository's copy.
    static func pointedAtRepository(_ sample: String) -> String {
        sample.replacingOccurrences(
            of: #""[^"\n]*/presence_bridge\.py""#, with: "\"\(presenceBridge)\"", options: .regularExpression)
    }
}

/// A temporary directory removed by ``remove()``.
struct ScratchDirectory {
    let path: String

    init(_ label: String = "plugins") throws {
        path = NSTemporaryDirectory() + "hubtest-\(label)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes (or replaces) a file.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    /// Deletes a file.
    func delete(_ name: String) throws { try FileManager.default.removeItem(atPath: file(name)) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// What the fake plugin kinds did, per instance id.
final class FakePluginLog: Sendable {
    private struct State {
        var starts: [String: Int] = [:]
        var stops: [String: Int] = [:]
        var results: [String: [PluginOutputResult]] = [:]
    }

    private let state = Mutex(State())

    func started(_ id: String) { state.withLock { $0.starts[id, default: 0] += 1 } }
    func stopped(_ id: String) { state.withLock { $0.stops[id, default: 0] += 1 } }
    func result(_ id: String, _ result: PluginOutputResult) { state.withLock { $0.results[id, default: []].append(result) } }

    /// How often `run` was entered for the instance.
    func starts(_ id: String) -> Int { state.withLock { $0.starts[id] ?? 0 } }
    /// How often a `run` of the instance ended by cancellation.
    func stops(_ id: String) -> Int { state.withLock { $0.stops[id] ?? 0 } }
    /// The sink's answers to the instance's presence outputs.
    func results(_ id: String) -> [PluginOutputResult] { state.withLock { $0.results[id] ?? [] } }
}

/// Small plugin kinds for runtime tests, built as factories that report to a ``FakePluginLog``.
///
/// - `fake_parked`: runs until cancelled (with `stop = "after_replacement"`, stops slowly);
/// - `fake_unavailable`: throws `PluginError.unavailable` at once;
/// - `fake_misconfigured`: throws `PluginError.misconfigured` at once;
/// - `fake_presence`: submits one presence update (settings `user`, `activity`, `source`) through the sink, then parks.
struct FakePluginKinds {
    let log = FakePluginLog()

    /// A registry of the four fake kinds.
    var registry: PluginRegistry {
        PluginRegistry(FakePlugin.Behaviour.allCases.map { behaviour in
            let log = self.log
            return PluginFactory(
                descriptor: PluginDescriptor(
                    kind: behaviour.rawValue, summary: "Test kind \(behaviour.rawValue)", roles: [.presenceSource],
                    sampleConfig: "plugin = \"\(behaviour.rawValue)\"\ntenant = \"acme\"\n"),
                settingsKeys: FakePlugin.Settings.allKeys
            ) { source, _ in
                FakePlugin(behaviour: behaviour, settings: try source.decode(FakePlugin.Settings.self), log: log)
            }
        })
    }

    /// An instance file for `kind`.
    static func file(
        _ kind: FakePlugin.Behaviour, tenant: String = "acme", enabled: Bool? = nil, settings: [String: String] = [:]
    ) -> String {
        var lines = ["plugin = \"\(kind.rawValue)\"", "tenant = \"\(tenant)\""]
        if let enabled { lines.append("enabled = \(enabled)") }
        lines.append("[settings]")
        lines += settings.sorted { $0.key < $1.key }.map { "\($0.key) = \"\($0.value)\"" }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The plugin behind every fake kind.
struct FakePlugin: HubPlugin {
    enum Behaviour: String, CaseIterable, Sendable {
        case parked = "fake_parked"
        case unavailable = "fake_unavailable"
        case misconfigured = "fake_misconfigured"
        case presence = "fake_presence"
    }

    struct Settings: PluginSettings {
        var label: String?
        var user: String?
        var activity: String?
        var source: String?
        /// `"after_replacement"`: when cancelled, keep stopping until a newer run of the instance has started,
        /// like a program that takes its time to exit after SIGTERM.
        var stop: String?

        enum Keys: String, CodingKey, CaseIterable { case label, user, activity, source, stop }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            label = try c.decodeIfPresent(String.self, forKey: .label)
            user = try c.decodeIfPresent(String.self, forKey: .user)
            activity = try c.decodeIfPresent(String.self, forKey: .activity)
            source = try c.decodeIfPresent(String.self, forKey: .source)
            stop = try c.decodeIfPresent(String.self, forKey: .stop)
        }
    }

    static let descriptor = PluginDescriptor(
        kind: "fake", summary: "Built by FakePluginKinds", roles: [.presenceSource], sampleConfig: "plugin = \"fake\"\n")

    let behaviour: Behaviour
    let settings: Settings
    let log: FakePluginLog

    init(behaviour: Behaviour, settings: Settings, log: FakePluginLog) {
        self.behaviour = behaviour
        self.settings = settings
        self.log = log
    }

    init(settings: Settings, context: PluginContext) throws {
        throw PluginError.misconfigured("build fake plugins through FakePluginKinds")
    }

    func run(context: PluginContext) async throws {
        log.started(context.instanceID)
        let run = log.starts(context.instanceID)
        switch behaviour {
        case .unavailable: throw PluginError.unavailable("peer down")
        case .misconfigured: throw PluginError.misconfigured("settings.port: no such port")
        case .parked: break
        case .presence:
            let source = PresenceSource(rawValue: settings.source ?? "access_control") ?? .apiClient
            let update = PresenceUpdate(activity: settings.activity.map(ActivityID.init), source: source)
            let result = try await context.sink.submit(.presence(UserID(settings.user ?? "anna"), update))
            log.result(context.instanceID, result)
        }
        do {
            while true { try await Task.sleep(for: .seconds(3_600)) }
        } catch {
            if settings.stop == "after_replacement" {
                var rounds = 0
                while log.starts(context.instanceID) <= run, rounds < 100_000 {
                    await Task.yield()
                    rounds += 1
                }
            }
            log.stopped(context.instanceID)
            throw error
        }
    }
}

extension TestHub {
    /// A supervisor over this hub's engine, bus, store and status board, with its own registry, directory,
    /// logger and backoff (no jitter unless given), so tests can read its logs and predict its retries.
    func makeSupervisor(
        registry: PluginRegistry, directory: String, logger: Logger? = nil,
        backoff: Backoff = Backoff(initial: .seconds(1), maximum: .seconds(8), multiplier: 2, jitter: 0),
        environment: [String: String] = [:]
    ) throws -> PluginSupervisor {
        // Instances log at their file's level, so a quiet default logger writes into a recorder nobody reads.
        let quiet = LogRecorder().logger(label: "test.supervisor")
        let store = try #require(services.repository as? any PluginStateRepository, "the hub's repository stores plugin state")
        return PluginSupervisor(
            registry: registry, directory: directory, engine: engine, bus: services.bus, stateRepository: store,
            board: services.plugins, clock: services.clock, logger: logger ?? quiet, backoff: backoff,
            environment: environment)
    }

    /// Waits until something sleeps on the hub's manual clock, so advancing it wakes that sleeper.
    func waitForSleeper(timeout: Duration = .seconds(10)) async throws {
        let clock = self.clock
        try await waitUntil(timeout: timeout, "a sleeper on the test clock") {
            do {
                try await clock.checkSuspension()
                return false
            } catch {
                return true
            }
        }
    }

    /// Yields many times, giving other tasks the chance to run (to show that something does *not* happen).
    static func settle(_ rounds: Int = 200) async {
        for _ in 0..<rounds { await Task.yield() }
    }
}
