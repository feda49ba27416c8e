import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Handles the child's stdout lines: flood limit, decoding, submitting presence, answering with acks.
struct StdoutReader {
    let context: PluginContext
    let inbox: ChildInbox
    let counters: ExecCounters
    private var bucket: TokenBucket
    private var problems = LogThrottle(interval: 10)

    init(settings: ExecPlugin.Settings, context: PluginContext, inbox: ChildInbox, counters: ExecCounters) {
        self.context = context
        self.inbox = inbox
        self.counters = counters
        let rate = Double(settings.maxLinesPerSecond)
        bucket = TokenBucket(ratePerSecond: rate, burst: rate, now: context.clock.now())
    }

    /// Handles one line; throws only `CancellationError`.
    mutating func handle(_ line: LineFramer.Line) async throws {
        guard !Self.isBlank(line.bytes) else { return }
        counters.update { $0.linesRead += 1 }
        if line.isTruncated {
            return report(.overlongLine, "line longer than max_line_bytes dropped", sample: line)
        }
        guard bucket.take(at: context.clock.now()) else {
            return report(.flooded, "more lines than max_lines_per_second; dropping lines", sample: line)
        }
        let message: ExecProtocol.ChildMessage
        do {
            message = try ExecProtocol.decodeChildLine(line.bytes)
        } catch {
            if case let .invalid(type, id, reason) = error, type == "presence" {
                send(ack: id, .rejected(reason))
            }
            return report(error.problem, "bad line: \(error)", sample: line)
        }
        switch message {
        case let .log(level, text):
            counters.update { $0.logMessages += 1 }
            context.logger.log(level: level, "\(text)", metadata: ["child.stream": "stdout"])
        case let .presence(report):
            try await submit(report)
        }
    }

    /// Logs what the throttle held back (at the end of the program's output).
    mutating func finish() {
        let suppressed = problems.flush()
        if suppressed > 0 {
            context.logger.warning("program wrote \(suppressed) more bad lines on stdout (see statistics)")
        }
    }

    private mutating func submit(_ report: ExecProtocol.PresenceReport) async throws {
        try Task.checkCancellation()
        let result: PluginOutputResult
        do {
            result = try await context.sink.submit(report.output)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            try Task.checkCancellation()
            context.logger.error("hub could not take a presence update", metadata: ["error": "\(error)"])
            result = .rejected("hub error: \(error)")
        }
        counters.update { $0.presenceSubmitted += 1 }
        send(ack: report.id, result)
    }

    private func send(ack id: JSONValue?, _ result: PluginOutputResult) {
        if inbox.send(ExecProtocol.ackLine(id: id, result: result)) { counters.update { $0.acksSent += 1 } }
    }

    private mutating func report(_ problem: ExecProblem, _ what: String, sample line: LineFramer.Line) {
        counters.count(problem)
        guard let suppressed = problems.record(at: context.clock.now()) else { return }
        context.logger.warning(
            "program stdout: \(what)",
            metadata: ["line": "\(line.text.prefix(120))", "suppressed": "\(suppressed)"])
    }

    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
