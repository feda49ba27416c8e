import Foundation
import HubCore
import HubPluginTesting
import Logging
import Testing

@Suite("Test fakes")
struct FakesTests {
    @Test("RecordingSink records outputs with scripted answers")
    func sink() async throws {
        let sink = RecordingSink { output in
            if case .presence("ben", _) = output { .ignored(.noChange) } else { .applied }
        }
        let update = PresenceUpdate(activity: "away", source: .calendar)
        #expect(try await sink.submit(.presence("anna", update)) == .applied)
        #expect(try await sink.submit(.presence("ben", update)) == .ignored(.noChange))
        #expect(sink.outputs == [.presence("anna", update), .presence("ben", update)])
        #expect(try await RecordingSink(always: .rejected("no")).submit(.presence("x", update)) == .rejected("no"))
        await #expect(throws: WaitTimeout.self) { try await sink.waitForOutputs(count: 3, timeout: .milliseconds(50)) }
    }

    @Test("EventFeed delivers to every open subscriber and forgets ended ones")
    func feed() async throws {
        let feed = EventFeed()
        let first = feed.subscribe()
        var second: AsyncStream<HubEvent>? = feed.subscribe()
        #expect(feed.subscriberCount == 2)
        let event = HubEvent(sequence: 1, tenant: "acme", at: Date(timeIntervalSince1970: 0), payload: .userChanged("ben"))
        feed.publish(event)
        var iterator = first.makeAsyncIterator()
        #expect(await iterator.next() == event)
        second = nil
        #expect(second == nil)
        try await waitUntil { feed.subscriberCount == 1 }
        feed.finish()
        #expect(await iterator.next() == nil)
    }

    @Test("InMemoryDirectory looks users up by id, badge and calendar")
    func directory() async {
        let anna = User(id: "anna", firstName: "Anna", lastName: "Virtanen", profile: .desktop, badgeIDs: ["B-17"], calendar: "Anna@Acme.example")
        let ben = User(id: "ben", firstName: "Ben", lastName: "K", profile: .desktop)
        let directory = InMemoryDirectory(users: [anna, ben])
        #expect(await directory.user("ben") == ben)
        #expect(await directory.user(badge: "B-17") == anna)
        #expect(await directory.user(calendar: "anna@acme.example") == anna)
        #expect(await directory.usersWithCalendars() == [anna])
        directory.remove("anna")
        #expect(await directory.user(badge: "B-17") == nil)
    }

    @Test("InMemoryStateStore stores and removes")
    func state() async throws {
        let store = InMemoryStateStore(["token": "a"])
        try await store.set("b", for: "token")
        try await store.set("1", for: "cursor")
        try await store.set(nil, for: "cursor")
        #expect(try await store.value(for: "token") == "b")
        #expect(store.values == ["token": "b"])
    }

    @Test("TestHubClock moves only when advanced, and wakes sleepers")
    func clock() async throws {
        let time = TestHubClock()
        #expect(time.now == TestHubClock.defaultEpoch)
        let sleeper = Task { try await time.hubClock.sleep(.seconds(30)) }
        await Task.yield()
        await time.advance(by: .seconds(30))
        try await sleeper.value
        #expect(time.now == TestHubClock.defaultEpoch.addingTimeInterval(30))
    }

    @Test("DictionarySettingsSource exposes keys and decodes")
    func settingsSource() throws {
        struct Settings: Decodable, Equatable { var port: String; var baud: Int }
        let source = try DictionarySettingsSource(["port": "/dev/ttyUSB0", "baud": 9600])
        #expect(source.keys == ["port", "baud"])
        #expect(try source.decode(Settings.self) == Settings(port: "/dev/ttyUSB0", baud: 9600))
        #expect(throws: (any Error).self) { try DictionarySettingsSource(json: "[1]") }
        #expect(throws: DecodingError.self) { try BrokenSettingsSource().decode(Settings.self) }
    }

    @Test("LogRecorder keeps level, message and merged metadata")
    func logs() {
        let recorder = LogRecorder()
        var logger = recorder.logger(level: .info)
        logger[metadataKey: "plugin.instance"] = "door"
        logger.debug("hidden")
        logger.warning("seen", metadata: ["line": "3"])
        #expect(recorder.entries == [.init(level: .warning, message: "seen", metadata: ["plugin.instance": "door", "line": "3"])])
    }

    @Test("PluginContext.testing tags the logger with the instance")
    func context() {
        let recorder = LogRecorder()
        let context = PluginContext.testing(instanceID: "lobby", logger: recorder.logger())
        context.logger.info("hi")
        #expect(context.tenant == "acme")
        #expect(recorder.entries.first?.metadata["plugin.instance"] == "lobby")
    }
}
