import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
@testable import SMPPPlugin

/// Runs an `sms_smpp` instance against a simulator with an in-test outbox and a recording sink.
struct SMPPLiveHarness {
    static let passwordVariable = "HUB_SMPP_TEST_PASSWORD"
    let simulator: SMSCSimulator
    let outbox: TestOutbox
    let sink: RecordingSink
    let plugin: SMPPPlugin
    let task: Task<Void, any Error>

    /// Starts the simulator with `simulatorArguments` and the plugin with `configure`d settings.
    init(
        simulator simulatorArguments: [String] = [], messages: [OutboundMessage] = [],
        configure: (inout SMPPPlugin.Settings) -> Void = { _ in }
    ) throws {
        setenv(Self.passwordVariable, "hubpw", 1)
        simulator = try SMSCSimulator(simulatorArguments)
        var settings = SMPPPlugin.Settings(
            host: "127.0.0.1", port: simulator.port, systemID: "hub", passwordEnv: Self.passwordVariable,
            reconnectInitialDelay: .init(.milliseconds(100)), reconnectMaxDelay: .init(.milliseconds(500)))
        configure(&settings)
        outbox = TestOutbox(messages)
        sink = RecordingSink()
        let context = PluginContext.testing(sink: sink, outbox: outbox)
        do {
            plugin = try SMPPPlugin(settings: settings, context: context)
        } catch {
            simulator.stop()
            throw error
        }
        let plugin = plugin
        task = Task { try await plugin.run(context: context) }
    }

    /// Cancels the plugin and stops the simulator.
    func stop() async {
        task.cancel()
        _ = await task.result
        simulator.stop()
    }

    /// Delivery reports the sink received.
    var deliveryReports: [DeliveryReport] {
        sink.outputs.compactMap { if case let .deliveryReport(report) = $0 { report } else { nil } }
    }

    /// Incoming SMS the sink received.
    var incoming: [IncomingSMS] {
        sink.outputs.compactMap { if case let .incomingSMS(sms) = $0 { sms } else { nil } }
    }
}

/// Runs `body` with a started harness and always stops it (also when `body` throws).
func withSMPPHarness(
    simulator arguments: [String] = [], messages: [OutboundMessage] = [],
    configure: (inout SMPPPlugin.Settings) -> Void = { _ in }, _ body: (SMPPLiveHarness) async throws -> Void
) async throws {
    let harness = try SMPPLiveHarness(simulator: arguments, messages: messages, configure: configure)
    do {
        try await body(harness)
    } catch {
        await harness.stop()
        throw error
    }
    await harness.stop()
}
