import HubCore
import Logging

/// The checks every plugin kind must pass, run against its factory and a sample `[settings]` table.
///
/// It checks that the descriptor has no ``PluginDescriptor/problems``; that every settings key appears in
/// the sample config; that the sample settings use only known keys, decode and build an instance; that
/// broken and invalid settings throw ``PluginError/misconfigured(_:)``; that `run` ends (returning or
/// throwing `CancellationError`) within ``cancellationDeadline`` of cancellation; and that nothing is
/// submitted after cancellation. It returns failures instead of recording issues, so it needs no test
/// framework:
///
/// ```swift
/// @Test func conformance() async throws {
///     let report = await PluginConformance(factory: ExecPlugin.factory, sampleSettings: settings).run()
///     #expect(report.failures.isEmpty, "\(report.failures)")
/// }
/// ```
public struct PluginConformance: Sendable {
    /// The kind under test.
    public var factory: PluginFactory
    /// A valid `[settings]` table, such as the sample config's (with paths a test machine has).
    public var sampleSettings: any PluginSettingsSource
    /// Tables that must be refused with `.misconfigured`; a ``BrokenSettingsSource`` is always tried too.
    public var invalidSettings: [any PluginSettingsSource]
    /// How long `run` is left running before it is cancelled (at least).
    public var runFor: Duration
    /// Outputs to wait for before cancelling (up to 10 s), so cancellation lands while outputs flow.
    public var minimumOutputs: Int
    /// How soon after cancellation `run` must end.
    public var cancellationDeadline: Duration
    /// Whether `run` ending (even with a `PluginError`) before cancellation is a failure; off for kinds
    /// whose peer is absent on a test machine.
    public var requireRunning: Bool
    /// How long the sink takes per output, so cancellation lands while outputs are in flight.
    public var submitDelay: Duration
    /// The tenant of the test instance.
    public var tenant: TenantID

    /// Creates the checks for `factory` with defaults suited to unit tests.
    public init(
        factory: PluginFactory, sampleSettings: any PluginSettingsSource,
        invalidSettings: [any PluginSettingsSource] = [], runFor: Duration = .milliseconds(500), minimumOutputs: Int = 0,
        cancellationDeadline: Duration = .seconds(2), requireRunning: Bool = false,
        submitDelay: Duration = .milliseconds(10), tenant: TenantID = "acme"
    ) {
        self.factory = factory
        self.sampleSettings = sampleSettings
        self.invalidSettings = invalidSettings
        self.runFor = runFor
        self.minimumOutputs = minimumOutputs
        self.cancellationDeadline = cancellationDeadline
        self.requireRunning = requireRunning
        self.submitDelay = submitDelay
        self.tenant = tenant
    }

    /// What the checks found.
    public struct Report: Sendable {
        /// Broken rules; empty when the kind conforms.
        public var failures: [String] = []
        /// Facts worth printing (how `run` ended, how long it took to stop, outputs seen).
        public var notes: [String] = []
    }

    /// Runs every check.
    public func run() async -> Report {
        var report = Report()
        checkDescriptor(into: &report)
        checkInvalidSettings(into: &report)
        let sink = RecordingSink(delay: submitDelay)
        let logs = LogRecorder()
        let context = PluginContext.testing(
            instanceID: "conformance", tenant: tenant, logger: logs.logger(label: "conformance"), sink: sink)
        let plugin: any HubPlugin
        do {
            plugin = try factory.make(settings: sampleSettings, context: context)
        } catch {
            report.failures.append("sample settings: make threw \(error)")
            return report
        }
        await checkCancellation(of: plugin, context: context, sink: sink, into: &report)
        return report
    }

    private func checkDescriptor(into report: inout Report) {
        let descriptor = factory.descriptor
        report.failures += descriptor.problems.map { "descriptor: \($0)" }
        // `NoSettings` declares a single placeholder key, "none", which no sample needs to show.
        let keys = factory.settingsKeys == ["none"] ? [] : factory.settingsKeys
        for key in keys where !Self.sample(descriptor.sampleConfig, mentions: key) {
            report.failures.append("sample config: settings key '\(key)' is not shown (as `\(key) =` or `# \(key) =`)")
        }
        for key in sampleSettings.keys.sorted() where !keys.contains(key) {
            report.failures.append("sample settings: unknown key '\(key)'")
        }
    }

    private func checkInvalidSettings(into report: inout Report) {
        let context = PluginContext.testing(instanceID: "conformance-invalid", tenant: tenant)
        let sources: [(String, any PluginSettingsSource)] =
            [("broken settings", BrokenSettingsSource())] + invalidSettings.enumerated().map { ("invalid settings #\($0.offset + 1)", $0.element) }
        for (name, source) in sources {
            do {
                _ = try factory.make(settings: source, context: context)
                report.failures.append("\(name): make succeeded; expected PluginError.misconfigured")
            } catch let error as PluginError {
                if case .misconfigured = error { continue }
                report.failures.append("\(name): make threw \(error); expected PluginError.misconfigured")
            } catch {
                report.failures.append("\(name): make threw \(type(of: error)) \(error); expected PluginError.misconfigured")
            }
        }
    }

    /// Whether a line of the sample sets `key`, maybe commented out, or opens the table `[settings.key]`.
    static func sample(_ sample: String, mentions key: String) -> Bool {
        sample.split(whereSeparator: \.isNewline).contains { raw in
            var line = Substring(raw).drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[settings.\(key)]") { return true }
            if line.hasPrefix("#") && !line.hasPrefix("##") { line = line.dropFirst().drop { $0 == " " } }
            guard line.hasPrefix(key) else { return false }
            return line.dropFirst(key.count).drop { $0 == " " }.hasPrefix("=")
        }
    }
}
