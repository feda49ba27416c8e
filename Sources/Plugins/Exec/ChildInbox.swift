import HubCore
import HubPluginSupport
import Logging
import Subprocess
import Synchronization

/// Lines waiting for the child's stdin (hello, events, acks), written in order by one task.
///
/// Bounded: a child that does not read its stdin makes the hub drop messages (counted, logged at most once
/// per 10 s), never hold an ever-growing queue.
final class ChildInbox: Sendable {
    /// Messages queued at most.
    static let capacity = 1024

    private let stream: AsyncStream<[UInt8]>
    private let continuation: AsyncStream<[UInt8]>.Continuation
    private let throttle = Mutex(LogThrottle(interval: 10))
    private let context: PluginContext
    private let counters: ExecCounters

    init(context: PluginContext, counters: ExecCounters) {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingOldest(Self.capacity))
        self.context = context
        self.counters = counters
    }

    /// Queues one line; returns whether it was queued.
    @discardableResult
    func send(_ line: [UInt8]) -> Bool {
        switch continuation.yield(line) {
        case .enqueued: return true
        case .dropped, .terminated: break
        @unknown default: break
        }
        counters.count(.inputDropped)
        if let suppressed = throttle.withLock({ $0.record(at: context.clock.now()) }) {
            context.logger.warning(
                "program does not read its stdin; dropping messages for it",
                metadata: ["suppressed": "\(suppressed)"])
        }
        return false
    }

    /// Writes queued lines to `writer` until cancelled or the child closes its stdin.
    func pump(into writer: StandardInputWriter) async {
        for await line in stream {
            do {
                _ = try await writer.write(line)
            } catch {
                context.logger.debug("program's stdin is closed", metadata: ["error": "\(error)"])
                continuation.finish()
                return
            }
        }
    }

    /// Stops accepting lines.
    func close() {
        continuation.finish()
    }
}
