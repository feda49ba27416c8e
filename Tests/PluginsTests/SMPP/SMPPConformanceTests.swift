import Foundation
import HubCore
import HubPluginTesting
import Testing

@testable import SMPPPlugin

@Suite("SMPPPlugin conformance and settings", .serialized)
struct SMPPConformanceTests {
    @Test("the sms_smpp kind passes the conformance kit, bound to the Net::SMPP simulator", .timeLimit(.minutes(1)))
    func conformance() async throws {
        setenv(SMPPLiveHarness.passwordVariable, "hubpw", 1)
        // The simulator sends incoming SMS after each bind, so outputs flow while the kit cancels.
        let mo = (0..<20).flatMap { ["--mo", "35840111\($0 + 1000),12345,00,00,48656c6c6f"] }
        let simulator = try SMSCSimulator(mo)
        defer { simulator.stop() }
        let sample = try DictionarySettingsSource([
            "host": "127.0.0.1", "port": simulator.port, "system_id": "hub", "password_env": SMPPLiveHarness.passwordVariable,
        ])
        let report = await PluginConformance(
            factory: SMPPPlugin.factory, sampleSettings: sample, invalidSettings: Self.invalid, minimumOutputs: 5,
            requireRunning: true
        ).run()
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(simulator.entries("bind").count >= 1)
    }

    static let invalid: [DictionarySettingsSource] = {
        let base: [String: Any] = ["host": "h", "system_id": "hub", "password_env": "P"]
        let changes: [[String: Any]] = [
            ["host": ""], ["port": 0], ["system_id": String(repeating: "x", count: 16)], ["password_env": "A-B"],
            ["window": 0], ["window": 101], ["response_timeout": "0s"], ["throttle_retries": -1],
            ["reconnect_initial_delay": "10s", "reconnect_max_delay": "1s"], ["system_type": String(repeating: "t", count: 13)],
        ]
        return changes.compactMap { change in try? DictionarySettingsSource(base.merging(change) { $1 }) }
    }()

    @Test(arguments: [
        (#""port": 0"#, "misconfigured: settings.port: must be between 1 and 65535"),
        (#""system_id": "abcdefghijklmnop""#, "misconfigured: settings.system_id: must be 1 to 15 characters"),
        (#""password_env": "A-B""#, "misconfigured: settings.password_env: 'A-B' is not an environment variable name"),
        (#""window": 0"#, "misconfigured: settings.window: must be between 1 and 100"),
        (#""enquire_link_interval": "0s""#, "misconfigured: settings.enquire_link_interval: must be longer than 0"),
        (#""reconnect_initial_delay": "10s", "reconnect_max_delay": "1s""#,
         "misconfigured: settings.reconnect_max_delay: must not be shorter than reconnect_initial_delay"),
        (#""window": "ten""#, "misconfigured: settings.window: expected Int"),
    ])
    func badSettingsAreNamed(_ change: String, _ message: String) throws {
        let base = [("host", "h"), ("system_id", "hub"), ("password_env", "P")].filter { !change.contains("\"\($0.0)\"") }
        let source = try DictionarySettingsSource(json: "{" + (base.map { "\"\($0.0)\": \"\($0.1)\", " }.joined()) + change + "}")
        #expect {
            _ = try SMPPPlugin.factory.make(settings: source, context: .testing())
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test func defaultsMatchTheSample() throws {
        let source = try DictionarySettingsSource(["host": "127.0.0.1", "system_id": "hub", "password_env": "HUB_SMPP_PASSWORD"])
        let settings = try source.decode(SMPPPlugin.Settings.self)
        #expect(settings == SMPPPlugin.Settings(host: "127.0.0.1", systemID: "hub", passwordEnv: "HUB_SMPP_PASSWORD"))
        for key in SMPPPlugin.Settings.allKeys {
            #expect(SMPPPlugin.sampleConfig.contains(key + " = "), "sample config lacks \(key)")
        }
        #expect(SMPPPlugin.descriptor.problems.isEmpty)
        #expect(SMPPPlugin.descriptor.messageChannels == [.sms])
    }

    @Test func passwordComesFromTheNamedVariable() throws {
        let settings = SMPPPlugin.Settings(host: "h", systemID: "hub", passwordEnv: "SMPP_PW")
        #expect(try settings.password(environment: ["SMPP_PW": "secret"]) == "secret")
        #expect(throws: PluginError.misconfigured("settings.password_env: environment variable SMPP_PW is not set")) {
            try settings.password(environment: [:])
        }
        #expect(throws: PluginError.misconfigured("settings.password_env: the password in SMPP_PW is longer than SMPP's 8 characters")) {
            try settings.password(environment: ["SMPP_PW": "123456789"])
        }
    }
}
