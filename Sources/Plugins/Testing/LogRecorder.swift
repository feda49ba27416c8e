import Logging
import Synchronization

/// Collects log entries in memory so tests can assert what a plugin logged, without touching `LoggingSystem`.
///
/// ```swift
/// let logs = LogRecorder()
/// let context = PluginContext.testing(logger: logs.logger())
/// #expect(logs.entries.contains { $0.level == .warning })
/// ```
public final class LogRecorder: Sendable {
    /// One logged message.
    public struct Entry: Sendable, Equatable {
        /// Its level.
        public var level: Logger.Level
        /// Its text.
        public var message: String
        /// Logger and call metadata, rendered as strings.
        public var metadata: [String: String]

        /// Creates an entry.
        public init(level: Logger.Level, message: String, metadata: [String: String] = [:]) {
            self.level = level
            self.message = message
            self.metadata = metadata
        }
    }

    private let storage = Mutex<[Entry]>([])

    /// Creates an empty recorder.
    public init() {}

    /// A logger writing into this recorder, at `level` and above.
    public func logger(label: String = "test", level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { _ in Handler(recorder: self) }
        logger.logLevel = level
        return logger
    }

    /// Every entry so far.
    public var entries: [Entry] { storage.withLock { $0 } }

    /// Entries whose message contains `text`.
    public func entries(containing text: String) -> [Entry] {
        entries.filter { $0.message.contains(text) }
    }

    fileprivate func append(_ entry: Entry) {
        storage.withLock { $0.append(entry) }
    }

    /// The handler behind ``logger(label:level:)``.
    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { _, call in call }
            recorder.append(
                Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
