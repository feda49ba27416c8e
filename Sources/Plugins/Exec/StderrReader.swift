import HubCore
import HubPluginSupport
import Logging

/// Logs the child's stderr lines with the level their prefix gives, within the flood limit.
struct StderrReader {
    let context: PluginContext
    let counters: ExecCounters
    let defaultLevel: Logger.Level
    private var bucket: TokenBucket
    private var problems = LogThrottle(interval: 10)

    init(settings: ExecPlugin.Settings, context: PluginContext, counters: ExecCounters) {
        self.context = context
        self.counters = counters
        self.defaultLevel = settings.stderrLogLevel
        let rate = Double(settings.maxLinesPerSecond)
        bucket = TokenBucket(ratePerSecond: rate, burst: rate, now: context.clock.now())
    }

    /// Logs one line.
    mutating func handle(_ line: LineFramer.Line) {
        guard !line.bytes.isEmpty else { return }
        if line.isTruncated { counters.count(.overlongLine) }
        guard bucket.take(at: context.clock.now()) else {
            counters.count(.flooded)
            if let suppressed = problems.record(at: context.clock.now()) {
                context.logger.warning(
                    "program stderr: more lines than max_lines_per_second; dropping lines",
                    metadata: ["suppressed": "\(suppressed)"])
            }
            return
        }
        counters.update { $0.stderrLines += 1 }
        let (level, message) = LogLevelPrefix.parse(line.text, defaultLevel: defaultLevel)
        let text = line.isTruncated ? message + "…" : message
        context.logger.log(level: level, "\(text)", metadata: ["child.stream": "stderr"])
    }

    /// Logs what the throttle held back.
    mutating func finish() {
        let suppressed = problems.flush()
        if suppressed > 0 {
            context.logger.warning("program stderr: \(suppressed) more lines dropped over max_lines_per_second")
        }
    }
}
