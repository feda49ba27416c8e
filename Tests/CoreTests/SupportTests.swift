import Foundation
import Testing

@testable import HubCore

/// Records the durations a `HubClock` was asked to sleep.
private actor SleepLog {
    var durations: [Duration] = []
    func add(_ duration: Duration) { durations.append(duration) }
}

@Suite("Support: clock, validation errors, plugin descriptors")
struct SupportTests {
    private func clock(now: Date, log: SleepLog) -> HubClock {
        HubClock(now: { now }, sleep: { await log.add($0) })
    }

    @Test func sleepUntilSleepsTheRemainingTime() async throws {
        let log = SleepLog()
        let now = Date(timeIntervalSinceReferenceDate: 1000)
        try await clock(now: now, log: log).sleep(until: now.addingTimeInterval(1.5))
        #expect(await log.durations == [.milliseconds(1500)])
    }

    @Test func sleepUntilThePastReturnsAtOnce() async throws {
        let log = SleepLog()
        let now = Date(timeIntervalSinceReferenceDate: 1000)
        try await clock(now: now, log: log).sleep(until: now)
        try await clock(now: now, log: log).sleep(until: now.addingTimeInterval(-5))
        #expect(await log.durations.isEmpty)
    }

    @Test func sleepUntilTheDistantFutureDoesNotOverflow() async throws {
        let log = SleepLog()
        try await clock(now: Date(timeIntervalSinceReferenceDate: 0), log: log).sleep(until: .distantFuture)
        let slept = try #require(await log.durations.first)
        #expect(slept > .seconds(86_400 * 365 * 30))
    }

    @Test func durationsConvertToSeconds() {
        #expect(Duration.seconds(2).timeInterval == 2)
        #expect(Duration.milliseconds(1500).timeInterval == 1.5)
        #expect(Duration.zero.timeInterval == 0)
    }

    @Test func aClockOverAContinuousClockAdvancesWithIt() async throws {
        let epoch = Date(timeIntervalSinceReferenceDate: 5000)
        let hub = HubClock(ContinuousClock(), epoch: epoch)
        let first = hub.now()
        #expect(first >= epoch)
        #expect(first.timeIntervalSince(epoch) < 5)
        try await hub.sleep(.milliseconds(20))
        #expect(hub.now().timeIntervalSince(first) >= 0.019)
    }

    @Test func aCollectorGathersEveryIssue() {
        var collector = ValidationCollector()
        collector.add("$.a", "bad a")
        let value: Int? = collector.check { () throws(ValidationError) -> Int in
            throw ValidationError(path: "$.b", reason: "bad b")
        }
        #expect(value == nil)
        let other: Int? = collector.check { () throws -> Int in throw PluginError.misconfigured("x") }
        #expect(other == nil)
        #expect(collector.check { 7 } == 7)
        let error = #expect(throws: ValidationError.self) { try collector.finish() }
        #expect(error?.issues == [
            .init(path: "$.a", reason: "bad a"), .init(path: "$.b", reason: "bad b"), .init(path: "$", reason: "misconfigured: x"),
        ])
        #expect(error?.description == "$.a: bad a; $.b: bad b; $: misconfigured: x")
    }

    @Test func anEmptyCollectorFinishesQuietly() throws {
        try ValidationCollector().finish()
    }

    @Test(arguments: [
        (PluginDescriptor(kind: "access_control_serial", summary: "Door badges", roles: [.presenceSource],
                          sampleConfig: "plugin = \"access_control_serial\"\n"), [String]()),
        (PluginDescriptor(kind: "Access-Control", summary: "x", roles: [.presenceSource], sampleConfig: "plugin = \"Access-Control\""),
         ["kind 'Access-Control' is not snake_case"]),
        (PluginDescriptor(kind: "1sms", summary: "x", roles: [.messageGateway], sampleConfig: "plugin = \"1sms\"", messageChannels: [.sms]),
         ["kind '1sms' is not snake_case"]),
        (PluginDescriptor(kind: "", summary: "", roles: [], sampleConfig: ""),
         ["kind '' is not snake_case", "summary is empty", "no roles", "sample config does not name plugin = \"\""]),
        (PluginDescriptor(kind: "sms", summary: "SMS", roles: [.messageGateway], sampleConfig: "plugin = \"mail\"", messageChannels: [.sms]),
         ["sample config does not name plugin = \"sms\""]),
        (PluginDescriptor(kind: "sms", summary: "SMS", roles: [.messageGateway], sampleConfig: "plugin = \"sms\""),
         ["a message gateway names its message channels, and only a message gateway does"]),
        (PluginDescriptor(kind: "door", summary: "Door", roles: [.presenceSource], sampleConfig: "plugin = \"door\"", messageChannels: [.email]),
         ["a message gateway names its message channels, and only a message gateway does"]),
    ])
    func descriptorProblems(_ descriptor: PluginDescriptor, _ problems: [String]) {
        #expect(descriptor.problems == problems)
    }

    @Test func pluginErrorsDescribeTheirClass() {
        #expect(PluginError.misconfigured("port missing").description == "misconfigured: port missing")
        #expect(PluginError.unavailable("EOF").description == "unavailable: EOF")
        #expect(PluginError.authenticationFailed("401").description == "authentication failed: 401")
    }

    @Test func noSettingsAcceptsNoKeysButItsMarker() throws {
        #expect(NoSettings.allKeys == ["none"])
        _ = try JSONDecoder().decode(NoSettings.self, from: Data("{}".utf8))
    }
}
