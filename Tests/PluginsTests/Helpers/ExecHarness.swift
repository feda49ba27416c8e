import ExecPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Synchronization

/// An exec instance wired to fakes, and the task running it.
final class ExecHarness: Sendable {
    let sink: RecordingSink
    let logs = LogRecorder()
    let feed = EventFeed()
    let context: PluginContext
    let plugin: ExecPlugin
    private let outcome = Mutex<Result<Void, any Error>?>(nil)
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(_ settings: ExecPlugin.Settings, sink: RecordingSink = RecordingSink()) throws {
        self.sink = sink
        context = PluginContext.testing(
            instanceID: "exec-test", tenant: "acme", logger: logs.logger(), sink: sink, events: feed)
        plugin = try ExecPlugin(settings: settings, context: context)
    }

    /// Starts `run` in a task.
    func start() {
        let plugin = plugin
        let context = context
        task.withLock {
            $0 = Task {
                do {
                    try await plugin.run(context: context)
                    self.outcome.withLock { $0 = .success(()) }
                } catch {
                    self.outcome.withLock { $0 = .failure(error) }
                }
            }
        }
    }

    /// How `run` ended, if it has.
    var result: Result<Void, any Error>? { outcome.withLock { $0 } }

    /// Cancels `run`.
    func cancel() {
        task.withLock { $0?.cancel() }
    }

    /// Waits for `run` to end and returns its error (nil if it returned).
    func waitForEnd(timeout: Duration = .seconds(10)) async throws -> (any Error)? {
        try await waitUntil(timeout: timeout, "run to end") { result != nil }
        if case let .failure(error)? = result { return error }
        return nil
    }

    /// Waits for a log entry containing `text`.
    @discardableResult
    func waitForLog(_ text: String, timeout: Duration = .seconds(10)) async throws -> LogRecorder.Entry {
        try await waitUntil(timeout: timeout, "log '\(text)' (have \(logs.entries.map(\.message)))") {
            !logs.entries(containing: text).isEmpty
        }
        return logs.entries(containing: text)[0]
    }
}

extension ExecPlugin.Settings {
    /// The Python sample bridge with `config`.
    static func bridge(_ config: [String: JSONValue]) -> ExecPlugin.Settings {
        ExecPlugin.Settings(command: ["python3", Paths.presenceBridge], config: config)
    }
}
