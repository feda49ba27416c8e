import Foundation
import HubCore
import HubPluginTesting
import SMSHTTPPlugin
import Testing

@Suite("SMSHTTP conformance")
struct SMSHTTPConformanceTests {
    @Test("sms_kannel passes the conformance kit (listener on a free port, no Kannel needed to stop cleanly)")
    func kannel() async throws {
        let sample = try DictionarySettingsSource([
            "username": "hub", "password": "pw", "listen": "127.0.0.1:\(try FreePort.next())",
        ])
        let invalid = try [
            DictionarySettingsSource(["username": "hub"]),
            DictionarySettingsSource(["username": "hub", "password": "x", "dlr_mask": 99, "listen": "127.0.0.1:0"]),
            DictionarySettingsSource(["username": 5]),
        ]
        let report = await PluginConformance(factory: KannelSMSPlugin.factory, sampleSettings: sample, invalidSettings: invalid, requireRunning: true).run()
        #expect(report.failures.isEmpty, "\(report.failures)")
    }

    @Test("sms_http passes the conformance kit")
    func http() async throws {
        let sample = try DictionarySettingsSource([
            "preset": "46elks", "username": "u", "password": "p", "listen": "127.0.0.1:\(try FreePort.next())",
        ])
        let invalid = try [
            DictionarySettingsSource(["preset": "nope"]),
            DictionarySettingsSource(["url": "https://x/", "format": "json", "body": "{"]),
        ]
        let report = await PluginConformance(factory: HTTPSMSPlugin.factory, sampleSettings: sample, invalidSettings: invalid, requireRunning: true).run()
        #expect(report.failures.isEmpty, "\(report.failures)")
    }

    @Test("plugins.d samples equal the descriptors' sample configs", arguments: [
        ("sms_kannel", KannelSMSPlugin.descriptor), ("sms_http", HTTPSMSPlugin.descriptor),
    ])
    func samples(kind: String, descriptor: PluginDescriptor) throws {
        let file = Paths.repositoryRoot.appendingPathComponent("plugins.d/\(kind).toml.sample")
        #expect(try String(contentsOf: file, encoding: .utf8) == descriptor.sampleConfig)
        #expect(descriptor.kind == kind && descriptor.problems.isEmpty && descriptor.messageChannels == [.sms])
    }
}
