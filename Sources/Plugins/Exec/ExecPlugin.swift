import HubCore
import HubPluginSupport
import Logging

/// Kind `exec`: runs any program as a plugin, speaking JSON Lines on its stdin and stdout.
///
/// The program gets a `hello` and then the tenant's hub events on stdin, and writes `presence` and `log`
/// lines on stdout; each `presence` line is answered with an `ack`. stderr lines are logged with the level
/// their `E!`/`W!`/`I!`/`D!` prefix gives. Bad output is counted (see ``statistics``) and logged at most
/// once per 10 seconds; it never stops the instance.
///
/// `run` throws ``PluginError/unavailable(_:)`` when the program exits (the runtime restarts it with
/// backoff) and ``PluginError/misconfigured(_:)`` when it cannot be started at all (program not found or
/// not executable, working directory missing). On cancellation the program gets SIGTERM, then SIGKILL
/// after `stop_grace_period`.
public struct ExecPlugin: HubPlugin {
    /// Kind `exec`: a presence source and event observer.
    public static let descriptor = PluginDescriptor(
        kind: "exec",
        summary: "Runs a program that speaks JSON Lines on stdin/stdout, for plugins written in any language",
        roles: [.presenceSource, .eventObserver],
        sampleConfig: sampleConfig
    )

    /// The validated settings.
    public let settings: Settings
    private let counters = ExecCounters()

    /// Validates `settings`; no I/O (a missing program is found out by `run`).
    public init(settings: Settings, context: PluginContext) throws {
        try settings.validate()
        self.settings = settings
    }

    /// Counters since the instance was created.
    public var statistics: ExecStatistics { counters.snapshot }

    /// Starts the program and serves it until it exits (throws `.unavailable`) or the task is cancelled.
    public func run(context: PluginContext) async throws {
        try await ChildSession(settings: settings, context: context, counters: counters).run()
    }
}
