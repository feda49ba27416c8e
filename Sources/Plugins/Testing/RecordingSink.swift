import HubCore
import Synchronization

/// A ``PluginEventSink`` that records every output and answers with a scripted result.
///
/// ```swift
/// let sink = RecordingSink { _ in .applied }
/// let context = PluginContext.testing(sink: sink)
/// … run the plugin …
/// let outputs = try await sink.waitForOutputs(count: 1)
/// ```
public final class RecordingSink: PluginEventSink {
    /// One call of ``submit(_:)``.
    public struct Submission: Sendable, Equatable {
        /// What was submitted.
        public var output: PluginOutput
        /// The answer given.
        public var result: PluginOutputResult
        /// Whether the submitting task was already cancelled when it submitted.
        public var taskWasCancelled: Bool
        /// How long after ``markCancellationRequested()`` it came; nil if it came before.
        public var sinceCancellationRequest: Duration?
    }

    private struct State {
        var submissions: [Submission] = []
        var cancellationRequestedAt: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let respond: @Sendable (PluginOutput) -> PluginOutputResult
    private let delay: Duration

    /// Creates a sink answering each output with `respond`, after waiting `delay` (a slow hub).
    public init(delay: Duration = .zero, respond: @escaping @Sendable (PluginOutput) -> PluginOutputResult = { _ in .applied }) {
        self.respond = respond
        self.delay = delay
    }

    /// Creates a sink that answers every output with `result`.
    public convenience init(always result: PluginOutputResult) {
        self.init { _ in result }
    }

    /// Records the output and returns the scripted answer; a delay is cancellable.
    public func submit(_ output: PluginOutput) async throws -> PluginOutputResult {
        let result = respond(output)
        let cancelled = Task.isCancelled
        let now = ContinuousClock.now
        state.withLock {
            $0.submissions.append(
                Submission(
                    output: output, result: result, taskWasCancelled: cancelled,
                    sinceCancellationRequest: $0.cancellationRequestedAt.map { now - $0 }))
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        return result
    }

    /// Every submission so far.
    public var submissions: [Submission] { state.withLock { $0.submissions } }

    /// Every output so far.
    public var outputs: [PluginOutput] { submissions.map(\.output) }

    /// Notes that the test is about to cancel the plugin; later submissions record how much later they came.
    public func markCancellationRequested() {
        let now = ContinuousClock.now
        state.withLock { $0.cancellationRequestedAt = now }
    }

    /// Waits (real time, polling) until at least `count` outputs arrived; returns them, or throws on timeout.
    public func waitForOutputs(count: Int, timeout: Duration = .seconds(10)) async throws -> [PluginOutput] {
        try await waitUntil(timeout: timeout, "\(count) outputs (have \(outputs.count))") { outputs.count >= count }
        return outputs
    }
}
