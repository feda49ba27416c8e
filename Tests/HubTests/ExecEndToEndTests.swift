import Foundation
@testable import Hub
import HubCore
import Logging
import HubPluginTesting
import Testing

/// The real `exec` kind running `samples/plugins/presence_bridge.py` inside the hub runtime.
@Suite("Exec plugin end to end")
struct ExecEndToEndTests {
    /// A plugins directory with one `exec` instance for acme running the bridge, following `presence.txt`.
    struct Bridge {
        let directory: ScratchDirectory
        let plugins: String
        let watch: String

        init(echo: Bool, logLevel: String = "info") throws {
            directory = try ScratchDirectory("exec-e2e")
            plugins = directory.file("plugins.d")
            try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
            watch = try directory.write("presence.txt", "")
            let instance = """
                ## The sample bridge, run by the test
                plugin = "exec"
                tenant = "acme"
                log_level = "\(logLevel)"
                [settings]
                command = ["python3", "\(RepositoryFiles.presenceBridge)"]
                stop_grace_period = "1s"
                [settings.config]
                watch = "\(watch)"
                from_start = true
                source = "access_control"
                echo = \(echo)

                """
            try instance.write(toFile: (plugins as NSString).appendingPathComponent("bridge.toml"), atomically: true, encoding: .utf8)
        }

        /// Appends a line to the file the bridge follows.
        func append(_ line: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: watch))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((line + "\n").utf8))
        }
    }

    @Test("a line written to the bridge's input file changes anna's presence in the engine")
    func fileLineChangesPresence() async throws {
        let bridge = try Bridge(echo: false)
        defer { bridge.directory.remove() }
        let hub = try await TestHub.make(pluginsDirectory: bridge.plugins)
        defer { hub.cleanUp() }
        let supervisor = hub.runtime.supervisor
        #expect(await supervisor.reload().isEmpty)
        let board = hub.services.plugins
        try await waitUntil("the bridge to run") { board.status("bridge")?.state == .running }

        try bridge.append("anna in_meeting Quarterly review")
        let engine = hub.engine
        try await waitUntil(timeout: .seconds(20), "anna in a meeting") {
            try await engine.presence(tenant: "acme", user: "anna", viewer: nil).activity == "in_meeting"
        }
        let anna = try await engine.presence(tenant: "acme", user: "anna", viewer: nil)
        #expect(anna.note == "Quarterly review")
        #expect(anna.source == .accessControl)

        // A second line changes it again; a line for a user of another tenant changes nothing there.
        try bridge.append("g1 sick")
        try bridge.append("anna at_lunch")
        try await waitUntil(timeout: .seconds(20), "anna at lunch") {
            try await engine.presence(tenant: "acme", user: "anna", viewer: nil).activity == "at_lunch"
        }
        #expect(try await engine.presence(tenant: "globex", user: "g1", viewer: nil).activity != "sick")
        #expect(board.status("bridge")?.state == .running)
        #expect(board.status("bridge")?.restarts == 0)

        await supervisor.stopAll()
        #expect(board.status("bridge")?.state == .stopped)
    }

    @Test("a presence change made through the engine reaches the program (echo mode)")
    func engineChangeReachesProgram() async throws {
        let bridge = try Bridge(echo: true, logLevel: "debug")
        defer { bridge.directory.remove() }
        let hub = try await TestHub.make(pluginsDirectory: bridge.plugins)
        defer { hub.cleanUp() }
        let logs = LogRecorder()
        let supervisor = try hub.makeSupervisor(
            registry: BuiltinPlugins.registry, directory: bridge.plugins, logger: logs.logger(label: "hub"))
        #expect(await supervisor.reload().isEmpty)
        let bus = hub.services.bus
        try await waitUntil(timeout: .seconds(45), "the bridge to say hello") {
            !logs.entries(containing: "hello: instance=bridge tenant=acme").isEmpty
        }
        try await waitUntil("the instance to subscribe to hub events") { bus.subscriberCount >= 1 }

        let marker = "marker-\(UUID().uuidString.prefix(8).lowercased())"
        _ = try await hub.engine.setPresence(
            tenant: "acme", user: "bertil", update: PresenceUpdate(activity: "at_lunch", note: .set(marker), source: .admin),
            actor: "test", audited: false)
        try await waitUntil(timeout: .seconds(20), "the program to echo the event") {
            logs.entries.contains { $0.message.hasPrefix("hub: ") && $0.message.contains(marker) }
        }
        let echoed = try #require(logs.entries.first { $0.message.hasPrefix("hub: ") && $0.message.contains(marker) })
        #expect(echoed.level == .info)
        #expect(echoed.metadata["plugin.instance"] == "bridge")
        #expect(echoed.message.contains("\"type\":\"presence.changed\""))
        #expect(echoed.message.contains("\"user\":\"bertil\""))
        // The program also understood the event (its own debug line on stderr).
        try await waitUntil("the program's own account of the event") {
            !logs.entries(containing: "bertil is now at_lunch (admin)").isEmpty
        }

        // And the round trip from the program: its update is acknowledged as applied.
        try bridge.append("anna remote_work")
        try await waitUntil(timeout: .seconds(20), "the ack of the program's update") {
            !logs.entries(containing: "result=applied").isEmpty
        }
        #expect(try await hub.engine.presence(tenant: "acme", user: "anna", viewer: nil).activity == "remote_work")

        await supervisor.stopAll()
        #expect(hub.services.plugins.status("bridge")?.state == .stopped)
        #expect(logs.entries.filter { $0.level >= .error }.isEmpty, "\(logs.entries.filter { $0.level >= .error })")
    }
}
