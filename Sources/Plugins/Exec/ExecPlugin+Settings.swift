import HubCore
import HubPluginSupport
import Logging

extension ExecPlugin {
    /// The `[settings]` table of an `exec` instance; see ``ExecPlugin/sampleConfig`` for what each key means.
    public struct Settings: PluginSettings, Equatable {
        /// The program and its arguments (required, non-empty).
        public var command: [String]
        /// Directory the program runs in; nil for the hub's.
        public var workingDirectory: String?
        /// Extra environment variables on top of the hub's.
        public var environment: [String: String]
        /// Free settings handed to the program in `hello`.
        public var config: [String: JSONValue]
        /// Whether hub events are written to the program's stdin.
        public var forwardEvents: Bool
        /// Longest line kept whole (stdout and stderr).
        public var maxLineBytes: Int
        /// Lines per second accepted on each of stdout and stderr.
        public var maxLinesPerSecond: Int
        /// Level name for stderr lines without a level prefix.
        public var stderrLevel: String
        /// Time between SIGTERM and SIGKILL when the instance stops.
        public var stopGracePeriod: DurationSetting

        /// Every key of the table.
        public enum Keys: String, CodingKey, CaseIterable {
            case command
            case workingDirectory = "working_directory"
            case environment, config
            case forwardEvents = "forward_events"
            case maxLineBytes = "max_line_bytes"
            case maxLinesPerSecond = "max_lines_per_second"
            case stderrLevel = "stderr_level"
            case stopGracePeriod = "stop_grace_period"
        }

        /// Creates settings; defaults match the sample config.
        public init(
            command: [String], workingDirectory: String? = nil, environment: [String: String] = [:],
            config: [String: JSONValue] = [:], forwardEvents: Bool = true, maxLineBytes: Int = 65_536,
            maxLinesPerSecond: Int = 100, stderrLevel: String = "error", stopGracePeriod: DurationSetting = .init(.seconds(2))
        ) {
            self.command = command
            self.workingDirectory = workingDirectory
            self.environment = environment
            self.config = config
            self.forwardEvents = forwardEvents
            self.maxLineBytes = maxLineBytes
            self.maxLinesPerSecond = maxLinesPerSecond
            self.stderrLevel = stderrLevel
            self.stopGracePeriod = stopGracePeriod
        }

        /// Decodes the table; every key but `command` may be left out.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            let defaults = Settings(command: [])
            self.init(
                command: try c.decode([String].self, forKey: .command),
                workingDirectory: try c.decodeIfPresent(String.self, forKey: .workingDirectory),
                environment: try c.decodeIfPresent([String: String].self, forKey: .environment) ?? [:],
                config: try c.decodeIfPresent([String: JSONValue].self, forKey: .config) ?? [:],
                forwardEvents: try c.decodeIfPresent(Bool.self, forKey: .forwardEvents) ?? defaults.forwardEvents,
                maxLineBytes: try c.decodeIfPresent(Int.self, forKey: .maxLineBytes) ?? defaults.maxLineBytes,
                maxLinesPerSecond: try c.decodeIfPresent(Int.self, forKey: .maxLinesPerSecond) ?? defaults.maxLinesPerSecond,
                stderrLevel: try c.decodeIfPresent(String.self, forKey: .stderrLevel) ?? defaults.stderrLevel,
                stopGracePeriod: try c.decodeIfPresent(DurationSetting.self, forKey: .stopGracePeriod) ?? defaults.stopGracePeriod
            )
        }

        /// The level of unprefixed stderr lines.
        public var stderrLogLevel: Logger.Level { LogLevelPrefix.level(named: stderrLevel) ?? .error }

        /// Checks values; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        public func validate() throws(PluginError) {
            func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            guard let program = command.first, !program.isEmpty else { throw bad(.command, "must name a program") }
            if command.contains(where: { $0.utf8.contains(0) }) { throw bad(.command, "must not contain NUL characters") }
            if workingDirectory?.isEmpty == true { throw bad(.workingDirectory, "must not be empty") }
            if let name = environment.keys.first(where: { $0.isEmpty || $0.contains("=") || $0.utf8.contains(0) }) {
                throw bad(.environment, "'\(name)' is not a variable name")
            }
            if !(256...16_777_216).contains(maxLineBytes) { throw bad(.maxLineBytes, "must be between 256 and 16777216") }
            if !(1...100_000).contains(maxLinesPerSecond) { throw bad(.maxLinesPerSecond, "must be between 1 and 100000") }
            if LogLevelPrefix.level(named: stderrLevel) == nil {
                throw bad(.stderrLevel, "'\(stderrLevel)' is not one of trace, debug, info, notice, warning, error, critical")
            }
            if stopGracePeriod.duration > .seconds(60) { throw bad(.stopGracePeriod, "must be at most 60s") }
            do {
                _ = try ExecProtocol.helloLine(instance: "check", tenant: "check", config: config, limits: limits)
            } catch {
                throw bad(.config, "cannot be written as JSON (\(error))")
            }
        }

        /// The limits announced to the child.
        public var limits: ExecProtocol.Limits {
            ExecProtocol.Limits(maxLineBytes: maxLineBytes, maxLinesPerSecond: maxLinesPerSecond)
        }
    }
}
