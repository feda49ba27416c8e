import ExecPlugin
import HubCore
import HubPluginSupport
import Logging
import HubPluginTesting
import Testing

@Suite("ExecPlugin settings")
struct ExecSettingsTests {
    func make(_ settings: [String: Any]) throws -> ExecPlugin {
        let plugin = try ExecPlugin.factory.make(settings: try DictionarySettingsSource(settings), context: .testing())
        return try #require(plugin as? ExecPlugin)
    }

    @Test("every key decodes")
    func allKeys() throws {
        let plugin = try make([
            "command": ["python3", "bridge.py", "--verbose"], "working_directory": "/srv/bridge",
            "environment": ["TOKEN": "t"], "config": ["watch": "/tmp/w", "limits": [1, 2], "deep": ["on": true]],
            "forward_events": false, "max_line_bytes": 4096, "max_lines_per_second": 20, "stderr_level": "warn",
            "stop_grace_period": "500ms",
        ])
        #expect(plugin.settings == ExecPlugin.Settings(
            command: ["python3", "bridge.py", "--verbose"], workingDirectory: "/srv/bridge", environment: ["TOKEN": "t"],
            config: ["watch": "/tmp/w", "limits": .array([1, 2]), "deep": .object(["on": true])], forwardEvents: false,
            maxLineBytes: 4096, maxLinesPerSecond: 20, stderrLevel: "warn", stopGracePeriod: DurationSetting(parsing: "500ms") ?? .init(.zero)))
        #expect(plugin.settings.stderrLogLevel == .warning)
    }

    @Test("only command is required; defaults match the sample")
    func defaults() throws {
        let settings = try make(["command": ["bridge"]]).settings
        #expect(settings == ExecPlugin.Settings(command: ["bridge"]))
        #expect(settings.maxLineBytes == 65_536)
        #expect(settings.maxLinesPerSecond == 100)
        #expect(settings.forwardEvents)
        #expect(settings.stopGracePeriod.duration == .seconds(2))
        #expect(settings.stderrLogLevel == .error)
        for line in ["# max_line_bytes = 65536", "# max_lines_per_second = 100", "# stderr_level = \"error\"",
                     "# forward_events = true", "# stop_grace_period = \"2s\""] {
            #expect(ExecPlugin.sampleConfig.contains(line))
        }
    }

    func make(json: String) throws -> ExecPlugin {
        let plugin = try ExecPlugin.factory.make(settings: try DictionarySettingsSource(json: json), context: .testing())
        return try #require(plugin as? ExecPlugin)
    }

    @Test("bad values are misconfigured, naming the key", arguments: [
        (#"{"command":[]}"#, "settings.command: must name a program"),
        (#"{"command":[""]}"#, "settings.command: must name a program"),
        (#"{"command":["a\u0000b"]}"#, "settings.command: must not contain NUL"),
        (#"{"command":["x"],"working_directory":""}"#, "settings.working_directory: must not be empty"),
        (#"{"command":["x"],"environment":{"A=B":"c"}}"#, "settings.environment: 'A=B' is not a variable name"),
        (#"{"command":["x"],"max_line_bytes":10}"#, "settings.max_line_bytes: must be between"),
        (#"{"command":["x"],"max_lines_per_second":0}"#, "settings.max_lines_per_second: must be between"),
        (#"{"command":["x"],"stderr_level":"loud"}"#, "settings.stderr_level: 'loud' is not one of"),
        (#"{"command":["x"],"stop_grace_period":"5m"}"#, "settings.stop_grace_period: must be at most 60s"),
    ])
    func invalid(json: String, message: String) throws {
        let error = #expect(throws: PluginError.self) { try make(json: json) }
        guard case let .misconfigured(text)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(text.hasPrefix(message), "\(text)")
    }

    @Test("wrong types and a missing command are misconfigured decoding errors", arguments: [
        #"{"command":"python3 bridge.py"}"#, "{}", #"{"command":["x"],"max_line_bytes":"big"}"#,
        #"{"command":["x"],"config":"not a table"}"#, #"{"command":["x"],"stop_grace_period":"soon"}"#,
    ])
    func decodingErrors(json: String) throws {
        let error = #expect(throws: PluginError.self) { try make(json: json) }
        guard case .misconfigured? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    @Test("config that cannot be written as JSON is refused")
    func nonFiniteConfig() {
        let settings = ExecPlugin.Settings(command: ["x"], config: ["ratio": .number(.nan)])
        #expect(throws: PluginError.self) { try settings.validate() }
    }

    @Test("the descriptor names both roles and has no problems")
    func descriptor() {
        #expect(ExecPlugin.descriptor.kind == "exec")
        #expect(ExecPlugin.descriptor.roles == [.presenceSource, .eventObserver])
        #expect(ExecPlugin.descriptor.problems.isEmpty)
        #expect(ExecPlugin.factory.settingsKeys.count == 9)
    }
}
